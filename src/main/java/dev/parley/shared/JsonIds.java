package dev.parley.shared;

import java.util.ArrayList;
import java.util.List;

/** Ids as Chatwoot clients send them in JSON: numbers or digit strings; null, "" and "nil" mean none. */
public final class JsonIds {

    private JsonIds() {
    }

    public static Long id(String field, Object value) {
        if (value == null || "nil".equals(value) || "".equals(value)) return null;
        if (value instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() >= 0) return n.longValue();
        if (value instanceof String s && s.trim().matches("\\d{1,18}")) return Long.parseLong(s.trim());
        throw InvalidInput.of(field, "must be an id");
    }

    public static List<Long> ids(String field, Object value) {
        if (value == null) return List.of();
        if (!(value instanceof List<?> list)) throw InvalidInput.of(field, "must be a list of ids");
        var ids = new ArrayList<Long>();
        for (Object item : list) {
            Long id = id(field, item);
            if (id == null) throw InvalidInput.of(field, "must be a list of ids");
            ids.add(id);
        }
        return ids;
    }
}
