package dev.parley.automation.domain;

import java.util.List;

/** The outcome of a rule's conditions on one snapshot; {@code invalid} is set when the rule cannot be evaluated. */
public record Evaluation(boolean matched, List<ConditionResult> conditions, String invalid) {
}
