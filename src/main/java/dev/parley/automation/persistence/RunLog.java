package dev.parley.automation.persistence;

import dev.parley.automation.domain.Condition;
import dev.parley.automation.domain.RuleDefinition;
import dev.parley.automation.domain.RuleEvaluator;
import dev.parley.automation.persistence.ExecutionRepository.RuleEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The encoding of an event's rule entries in {@code automation_runs.evaluations}, an object keyed by rule
 * id. A rule that matched, was skipped or has a note is kept whole. A plain non-match, most of an event's
 * rules, is kept compact so that the bytes written per event stay small with thousands of rules: the
 * rule's {@code updated_at} and, per condition, the value seen and the result, the values interned once
 * per event in {@code "_values"}. The conditions' keys, operators and expected values are the rule's own
 * and are read from the rule; if the rule has changed since, the log shows what was seen and says so.
 */
final class RunLog {

    static final String VALUES = "_values";

    private RunLog() {
    }

    static Map<String, Object> encode(List<RuleEntry> entries) {
        Map<Object, Integer> interned = new LinkedHashMap<>();
        Map<String, Object> byRule = new LinkedHashMap<>();
        for (RuleEntry e : entries) byRule.put(Long.toString(e.ruleId()), compactable(e) ? compact(e, interned) : whole(e));
        if (!interned.isEmpty()) byRule.put(VALUES, new ArrayList<>(interned.keySet()));
        return byRule;
    }

    /** One rule's entry as the API shows it ({@code matched}, {@code skipped_reason}, {@code conditions}, {@code actions}). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> decode(Object entry, List<Object> values, List<Map<String, Object>> ruleConditions, Instant ruleUpdatedAt) {
        if (entry instanceof Map<?, ?> whole) return (Map<String, Object>) whole;
        if (!(entry instanceof List<?> compact) || compact.isEmpty()) return Map.of();
        List<Condition> conditions = RuleDefinition.conditions(ruleConditions);
        boolean unchanged = number(values.get(index(compact.get(0)))) == micros(ruleUpdatedAt) && conditions.size() == compact.size() - 1;
        List<Map<String, Object>> described = new ArrayList<>();
        for (int i = 1; i < compact.size(); i++) {
            List<?> one = (List<?>) compact.get(i);
            var d = new LinkedHashMap<String, Object>();
            if (unchanged) {
                Condition c = conditions.get(i - 1);
                d.put("attribute_key", c.attributeKey());
                d.put("filter_operator", c.operator());
                d.put("values", RuleEvaluator.expected(c));
            }
            d.put("seen", values.get(index(one.get(0))));
            d.put("result", index(one.get(1)) == 1);
            if (one.size() > 2) d.put("note", values.get(index(one.get(2))));
            else if (!unchanged) d.put("note", "the rule has changed since; its conditions at the time are not kept");
            described.add(d);
        }
        var decoded = new LinkedHashMap<String, Object>();
        decoded.put("matched", false);
        decoded.put("conditions", described);
        decoded.put("actions", List.of());
        return decoded;
    }

    private static boolean compactable(RuleEntry e) {
        return !e.matched() && e.skippedReason() == null && e.actions().isEmpty() && e.ruleUpdatedAt() != null && !e.conditions().isEmpty();
    }

    private static List<Object> compact(RuleEntry e, Map<Object, Integer> interned) {
        List<Object> out = new ArrayList<>();
        out.add(intern(interned, micros(e.ruleUpdatedAt())));
        for (Map<String, Object> c : e.conditions()) {
            List<Object> one = new ArrayList<>();
            one.add(intern(interned, c.get("seen")));
            one.add(Boolean.TRUE.equals(c.get("result")) ? 1 : 0);
            if (c.get("note") != null) one.add(intern(interned, c.get("note")));
            out.add(one);
        }
        return out;
    }

    private static Map<String, Object> whole(RuleEntry e) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("matched", e.matched());
        entry.put("skipped_reason", e.skippedReason());
        entry.put("conditions", e.conditions());
        entry.put("actions", e.actions());
        return entry;
    }

    private static int intern(Map<Object, Integer> interned, Object value) {
        return interned.computeIfAbsent(value, v -> interned.size());
    }

    static long micros(Instant at) {
        return at == null ? -1 : at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    private static int index(Object value) {
        return ((Number) value).intValue();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : -2;
    }
}
