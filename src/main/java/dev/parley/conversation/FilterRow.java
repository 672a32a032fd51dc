package dev.parley.conversation;

import java.util.List;

/** One row of Chatwoot's advanced conversation filter: {attribute_key, filter_operator, values, query_operator, custom_attribute_type}. */
public record FilterRow(String attributeKey, String filterOperator, List<Object> values, String queryOperator, String customAttributeType) {
}
