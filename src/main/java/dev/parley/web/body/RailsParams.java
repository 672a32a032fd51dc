package dev.parley.web.body;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rails' (Rack's) bracket notation turned into nested maps and lists, as {@code Rack::QueryParser#normalize_params}
 * does: {@code contact[name]=x} is {@code {contact: {name: x}}}, {@code labels[]=a&labels[]=b} is
 * {@code {labels: [a, b]}}, {@code rows[][k]=1&rows[][v]=2&rows[][k]=3} is {@code {rows: [{k:1, v:2}, {k:3}]}}.
 * Values stay strings (Rails casts them later, and so do we, by the target type). A key used both as a list and as
 * a hash, or nested deeper than {@link #MAX_DEPTH}, is refused with {@link InvalidParameters}.
 */
public final class RailsParams {

    static final int MAX_DEPTH = 32;
    private static final Pattern HEAD = Pattern.compile("\\A[\\[\\]]*([^\\[\\]]+)\\]*");
    private static final Pattern LIST_OF_HASH = Pattern.compile("^\\[\\]\\[([^\\[\\]]+)\\]$");
    private static final Pattern LIST_THEN_REST = Pattern.compile("^\\[\\](.+)$");

    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Adds one name=value pair, in the order the client sent them. */
    public RailsParams add(String name, String value) {
        normalize(params, name, value, MAX_DEPTH);
        return this;
    }

    public Map<String, Object> toMap() {
        return params;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalize(Map<String, Object> params, String name, Object value, int depth) {
        if (depth <= 0) throw new InvalidParameters("parameters are nested too deeply");
        Matcher head = HEAD.matcher(name);
        if (!head.find()) return params;
        String key = head.group(1);
        String after = name.substring(head.end());
        if (after.isEmpty()) {
            params.put(key, value);
        } else if (after.equals("[")) {
            params.put(name, value);
        } else if (after.equals("[]")) {
            list(params, key).add(value);
        } else {
            Matcher child = LIST_OF_HASH.matcher(after);
            Matcher rest = LIST_THEN_REST.matcher(after);
            String childKey = child.matches() ? child.group(1) : rest.matches() ? rest.group(1) : null;
            if (childKey != null) {
                List<Object> list = list(params, key);
                Object last = list.isEmpty() ? null : list.get(list.size() - 1);
                if (last instanceof Map<?, ?> lastHash && !hasKey((Map<String, Object>) lastHash, childKey)) {
                    normalize((Map<String, Object>) lastHash, childKey, value, depth - 1);
                } else {
                    list.add(normalize(new LinkedHashMap<>(), childKey, value, depth - 1));
                }
            } else {
                Object existing = params.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
                if (!(existing instanceof Map)) throw new InvalidParameters("expected a hash for " + key);
                normalize((Map<String, Object>) existing, after, value, depth - 1);
            }
        }
        return params;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> params, String key) {
        Object existing = params.computeIfAbsent(key, k -> new ArrayList<>());
        if (!(existing instanceof List)) throw new InvalidParameters("expected an array for " + key);
        return (List<Object>) existing;
    }

    /** Rack's params_hash_has_key?: does the (possibly nested, "a][b") key already exist in the hash? */
    @SuppressWarnings("unchecked")
    private static boolean hasKey(Map<String, Object> hash, String key) {
        if (key.contains("[]")) return false;
        Object current = hash;
        for (String part : key.split("[\\[\\]]+")) {
            if (part.isEmpty()) continue;
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) return false;
            current = ((Map<String, Object>) map).get(part);
        }
        return true;
    }

    /** Parameters that cannot be read as Rails would (Rack's ParameterTypeError): a 400. */
    public static final class InvalidParameters extends RuntimeException {
        public InvalidParameters(String message) {
            super("Invalid parameters: " + message, null, false, false);
        }
    }
}
