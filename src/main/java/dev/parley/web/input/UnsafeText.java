package dev.parley.web.input;

import dev.parley.shared.InvalidInput;
import java.util.Iterator;
import tools.jackson.databind.JsonNode;
import java.util.Map;

/** Finds the first unsafe string in a value read from JSON (maps, lists, strings) and names where it is. */
final class UnsafeText {

    private UnsafeText() {
    }

    /** Throws a 422 naming {@code field} (dotted for nested keys) when the value holds unsafe text anywhere. */
    static void refuse(String field, Object value) {
        String where = find(field, value, 0);
        if (where != null) throw InvalidInput.of(where, SafeText.PROBLEM);
    }

    private static String find(String field, Object value, int depth) {
        if (value instanceof CharSequence text) return SafeText.isSafe(text) ? null : field;
        if (depth > 200) return null; // Jackson's own nesting limit (1000) stops deeper input before us
        if (value instanceof JsonNode node) return findInTree(field, node, depth);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String child = field.isEmpty() ? key : field + "." + key;
                if (!SafeText.isSafe(key)) return child;
                String found = find(child, e.getValue(), depth + 1);
                if (found != null) return found;
            }
        } else if (value instanceof Iterable<?> items) {
            for (Iterator<?> it = items.iterator(); it.hasNext(); ) {
                String found = find(field, it.next(), depth + 1);
                if (found != null) return found;
            }
        }
        return null;
    }

    private static String findInTree(String field, JsonNode node, int depth) {
        if (node.isString()) return SafeText.isSafe(node.asString()) ? null : field;
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String child = field.isEmpty() ? e.getKey() : field + "." + e.getKey();
                if (!SafeText.isSafe(e.getKey())) return child;
                String found = find(child, e.getValue(), depth + 1);
                if (found != null) return found;
            }
        } else if (node.isArray()) {
            for (JsonNode item : node.values()) {
                String found = find(field, item, depth + 1);
                if (found != null) return found;
            }
        }
        return null;
    }
}
