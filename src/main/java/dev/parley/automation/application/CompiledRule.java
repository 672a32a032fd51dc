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

    /** The standard attributes whose values come from the conversation's contact. */
    private static final java.util.Set<Attribute> CONTACT_ATTRIBUTES = java.util.EnumSet.of(Attribute.EMAIL, Attribute.PHONE_NUMBER,
            Attribute.COUNTRY_CODE, Attribute.CITY, Attribute.COMPANY);

    /** Whether a condition reads the contact (a contact attribute, or a custom attribute, which may be the contact's). */
    boolean readsContact() {
        return conditions.stream().anyMatch(c -> {
            Attribute a = Attribute.byKey(c.attributeKey());
            return a == null || CONTACT_ATTRIBUTES.contains(a);
        });
    }

    /** Whether a condition reads a custom attribute, for which the snapshot needs the account's attribute definitions. */
    boolean readsCustomAttributes() {
        return conditions.stream().anyMatch(c -> Attribute.byKey(c.attributeKey()) == null);
    }
}
