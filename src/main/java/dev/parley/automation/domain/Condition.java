package dev.parley.automation.domain;

import java.util.List;

/**
 * One condition of a rule, as Chatwoot clients send it. {@code queryOperator} joins it to the next
 * condition (null on the last); for {@code attribute_changed}, {@code changedFrom}/{@code changedTo}
 * hold the transition and {@code values} is empty.
 */
public record Condition(String attributeKey, String operator, List<Object> values, List<Object> changedFrom, List<Object> changedTo,
                        String queryOperator, String customAttributeType) {

    public boolean joinsNextWithOr() {
        return queryOperator != null && queryOperator.equalsIgnoreCase("or");
    }
}
