package dev.parley.automation.application;

import dev.parley.automation.domain.ConditionResult;
import dev.parley.automation.domain.Evaluation;
import dev.parley.automation.persistence.ExecutionRepository.RuleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One rule's fate in one event: how its conditions came out, whether it acts, why not, what its actions did. */
final class RuleOutcome {

    final CompiledRule rule;
    final Evaluation evaluation;
    boolean matched;
    String skippedReason;
    final List<Map<String, Object>> actions = new ArrayList<>();

    private RuleOutcome(CompiledRule rule, Evaluation evaluation, boolean matched, String skippedReason) {
        this.rule = rule;
        this.evaluation = evaluation;
        this.matched = matched;
        this.skippedReason = skippedReason;
    }

    static RuleOutcome evaluated(CompiledRule rule, Evaluation evaluation) {
        return new RuleOutcome(rule, evaluation, evaluation.invalid() == null && evaluation.matched(), null);
    }

    static RuleOutcome skipped(CompiledRule rule, String why) {
        return new RuleOutcome(rule, null, false, why);
    }

    boolean invalid() {
        return evaluation != null && evaluation.invalid() != null;
    }

    void skip(String why) {
        matched = false;
        skippedReason = why;
    }

    RuleEntry entry() {
        return new RuleEntry(rule.id(), rule.view().updatedAt(), matched, skippedReason, evaluation == null ? List.of() : describe(evaluation.conditions()), actions);
    }

    static List<Map<String, Object>> describe(List<ConditionResult> results) {
        List<Map<String, Object>> described = new ArrayList<>();
        for (ConditionResult r : results) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("attribute_key", r.attributeKey());
            entry.put("filter_operator", r.operator());
            entry.put("values", r.expected());
            entry.put("seen", r.seen());
            entry.put("result", r.result());
            if (r.note() != null) entry.put("note", r.note());
            described.add(entry);
        }
        return described;
    }
}
