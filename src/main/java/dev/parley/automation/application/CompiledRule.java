package dev.parley.automation.application;

import dev.parley.automation.AutomationRuleView;
import dev.parley.automation.domain.Attribute;
import dev.parley.automation.domain.Condition;
import dev.parley.automation.domain.RuleAction;
import dev.parley.automation.domain.RuleDefinition;
import java.util.List;

/** A stored rule parsed once for the evaluator: its conditions and actions ready to use. */
record CompiledRule(AutomationRuleView view, List<Condition> conditions, List<RuleAction> actions) {

    static CompiledRule of(AutomationRuleView rule) {
        return new CompiledRule(rule, List.copyOf(RuleDefinition.conditions(rule.conditions())), List.copyOf(RuleDefinition.actions(rule.actions())));
    }

    long id() {
        return view.id();
    }

    /** Whether a condition reads a custom attribute, for which the snapshot needs the account's attribute definitions. */
    boolean readsCustomAttributes() {
        return conditions.stream().anyMatch(c -> Attribute.byKey(c.attributeKey()) == null);
    }
}
