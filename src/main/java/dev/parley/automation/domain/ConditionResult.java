package dev.parley.automation.domain;

/** How one condition came out, with the value it saw: the "why" of an evaluation. */
public record ConditionResult(int index, String attributeKey, String operator, Object expected, Object seen, boolean result,
                              String note) {
}
