package dev.parley.automation.application;

import dev.parley.automation.AutomationRuleView;
import dev.parley.automation.domain.Attribute;
import dev.parley.automation.domain.Condition;
import dev.parley.automation.domain.RuleAction;
import dev.parley.automation.domain.RuleDefinition;
import java.util.List;

/**
 * A stored rule parsed once for the evaluator: its conditions and actions ready to use, and its timing when it
 * is a timed rule (an {@code execution_delay} or a time condition; null for a rule that runs at its event).
 */
record CompiledRule(AutomationRuleView view, List<Condition> conditions, List<RuleAction> actions, RuleTiming timing) {

    static CompiledRule of(AutomationRuleView rule) {
        List<Condition> conditions = List.copyOf(RuleDefinition.conditions(rule.conditions()));
        return new CompiledRule(rule, conditions, List.copyOf(RuleDefinition.actions(rule.actions())), RuleTiming.of(rule, conditions));
    }

    long id() {
        return view.id();
    }

    boolean timed() {
        return timing != null;
    }

    /** Whether a condition reads a custom attribute, for which the snapshot needs the account's attribute definitions. */
    boolean readsCustomAttributes() {
        return conditions.stream().anyMatch(c -> Attribute.byKey(c.attributeKey()) == null);
    }
}
