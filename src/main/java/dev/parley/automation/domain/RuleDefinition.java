package dev.parley.automation.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the JSON Chatwoot clients send (conditions and actions as lists of objects) into
 * {@link Condition}s and {@link RuleAction}s, and checks them: every unknown attribute, operator,
 * action and bad query operator is named, in Chatwoot's messages.
 */
public final class RuleDefinition {

    public static final Set<String> EVENTS = Set.of("conversation_created", "conversation_updated", "conversation_opened",
            "conversation_resolved", "message_created", "sla_breached");

    /** Parley's return timer: the conversation goes from its silent agent to another online agent with room. */
    public static final String REASSIGN = "assign_another_online_agent";

    public static final Set<String> ACTIONS = Set.of("send_message", "add_label", "remove_label", "send_email_to_team", "assign_team",
            "assign_agent", "send_webhook_event", "mute_conversation", "send_attachment", "change_status", "resolve_conversation",
            "open_conversation", "pending_conversation", "snooze_conversation", "change_priority", "send_email_transcript",
            "add_private_note", "set_custom_attribute", REASSIGN, "add_sla");

    private RuleDefinition() {
    }

    @SuppressWarnings("unchecked")
    public static List<Condition> conditions(List<Map<String, Object>> raw) {
        List<Condition> conditions = new ArrayList<>();
        if (raw == null) return conditions;
        for (Map<String, Object> given : raw) {
            Map<String, Object> c = given == null ? Map.of() : given; // a null entry is a condition naming nothing: refused by check
            String key = text(c.get("attribute_key"));
            String operator = text(c.get("filter_operator"));
            Object values = c.get("values");
            List<Object> from = null;
            List<Object> to = null;
            List<Object> list = new ArrayList<>();
            if ("attribute_changed".equals(operator) && values instanceof Map<?, ?> change) {
                from = normalized(key, asList(change.get("from")));
                to = normalized(key, asList(change.get("to")));
            } else {
                list = normalized(key, asList(values));
            }
            conditions.add(new Condition(key, operator, list, from, to, text(c.get("query_operator")), text(c.get("custom_attribute_type"))));
        }
        return conditions;
    }

    public static List<RuleAction> actions(List<Map<String, Object>> raw) {
        List<RuleAction> actions = new ArrayList<>();
        if (raw == null) return actions;
        for (Map<String, Object> a : raw) {
            actions.add(a == null ? new RuleAction(null, List.of()) : new RuleAction(text(a.get("action_name")), asList(a.get("action_params"))));
        }
        return actions;
    }

    /**
     * Field errors for a rule, Chatwoot's way ({@code conditions}, {@code actions}, {@code event_name}, ...).
     * {@code customKeys} are the account's custom attribute keys.
     */
    public static Map<String, List<String>> check(String eventName, List<Map<String, Object>> rawConditions,
                                                  List<Map<String, Object>> rawActions, Map<String, Map<String, String>> customTypes) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (eventName != null && !EVENTS.contains(eventName)) {
            errors.computeIfAbsent("event_name", k -> new ArrayList<>()).add("Automation event " + eventName + " not supported.");
        }
        List<Condition> conditions = conditions(rawConditions);
        List<String> unknownKeys = new ArrayList<>();
        List<String> unknownOperators = new ArrayList<>();
        int missingQueryOperators = 0;
        boolean badQueryOperator = false;
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            Attribute standard = Attribute.byKey(c.attributeKey());
            Map<String, String> custom = c.attributeKey() == null ? null : customTypes.get(c.attributeKey());
            if (standard == null && custom == null) unknownKeys.add(String.valueOf(c.attributeKey()));
            if (c.operator() == null || !Attribute.ALL_OPERATORS.contains(c.operator())) {
                unknownOperators.add(String.valueOf(c.operator()));
            } else if (standard != null && !standard.accepts(c.operator())) {
                unknownOperators.add(c.operator() + " (for " + c.attributeKey() + ")");
            } else if (standard == Attribute.PRIVATE_NOTE && !"attribute_changed".equals(c.operator())
                    && (c.values().isEmpty() || c.values().stream().anyMatch(v -> RuleEvaluator.bool(v) == null))) {
                add(errors, "conditions", "Automation condition private_note takes true or false.");
            } else if (standard == null && custom != null) {
                String type = RuleEvaluator.customType(c, customTypes);
                if (type == null) unknownKeys.add(c.attributeKey() + " (" + c.customAttributeType() + ")");
                else if (!Attribute.CUSTOM_OPERATORS.getOrDefault(type, List.of()).contains(c.operator())) {
                    unknownOperators.add(c.operator() + " (for " + c.attributeKey() + ")");
                }
            }
            String q = c.queryOperator();
            if (q == null || q.isBlank()) {
                if (i < conditions.size() - 1) missingQueryOperators++;
            } else if (!q.equalsIgnoreCase("and") && !q.equalsIgnoreCase("or")) {
                badQueryOperator = true;
            }
        }
        if (!unknownKeys.isEmpty()) add(errors, "conditions", "Automation conditions " + String.join(",", unknownKeys) + " not supported.");
        if (!unknownOperators.isEmpty()) add(errors, "conditions", "Automation operators " + String.join(",", unknownOperators) + " not supported.");
        if (missingQueryOperators > 0) add(errors, "conditions", "Automation conditions should have query operator.");
        if (badQueryOperator) add(errors, "conditions", "Query operator must be either \"AND\" or \"OR\"");
        List<String> unknownActions = new ArrayList<>();
        for (RuleAction a : actions(rawActions)) {
            if (a.name() == null || !ACTIONS.contains(a.name())) unknownActions.add(String.valueOf(a.name()));
            else if ("send_attachment".equals(a.name()) && (a.params() == null || a.params().isEmpty()
                    || !a.params().stream().allMatch(p -> String.valueOf(p).matches("\\d+")))) {
                add(errors, "actions", "send_attachment needs the blob_id of a file uploaded with automation_rules/attach_file.");
            }
        }
        if (!unknownActions.isEmpty()) add(errors, "actions", "Automation actions " + String.join(",", unknownActions) + " not supported.");
        return errors;
    }

    private static void add(Map<String, List<String>> errors, String field, String message) {
        errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    }

    private static List<Object> normalized(String key, List<Object> values) {
        if (key == null || !Set.of("status", "priority", "message_type").contains(key)) return values;
        List<Object> names = new ArrayList<>();
        for (Object v : values) names.add(v == null ? null : RuleEvaluator.enumName(key, v));
        return names;
    }

    private static List<Object> asList(Object value) {
        if (value == null) return new ArrayList<>();
        if (value instanceof List<?> list) return new ArrayList<>(list);
        List<Object> single = new ArrayList<>();
        single.add(value);
        return single;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
