package dev.parley.shared.filter;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One row of Chatwoot's advanced conversation filter: {attribute_key, filter_operator, values, query_operator, custom_attribute_type}. */
public record FilterRow(String attributeKey, String filterOperator, List<Object> values, String queryOperator, String customAttributeType) {

    /** The rows of a JSON payload as clients send it (a list of objects); anything else gives no rows or empty rows, refused later. */
    public static List<FilterRow> parse(Object payload) {
        if (!(payload instanceof List<?> list)) return List.of();
        return list.stream().map(r -> r instanceof Map<?, ?> m ? of(m) : new FilterRow(null, null, List.of(), null, null)).toList();
    }

    private static FilterRow of(Map<?, ?> r) {
        Object values = r.get("values");
        return new FilterRow(text(r.get("attribute_key")), text(r.get("filter_operator")),
                values instanceof List<?> l ? l.stream().filter(Objects::nonNull).map(v -> (Object) v).toList()
                        : values == null ? List.of() : List.of(values),
                text(r.get("query_operator")), text(r.get("custom_attribute_type")));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
