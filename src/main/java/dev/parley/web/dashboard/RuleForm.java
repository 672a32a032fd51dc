package dev.parley.web.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule builder's form, row by row, and its translation to and from Chatwoot's JSON (so a rule
 * saved from the builder is exactly what a Chatwoot client would send, and reopens as entered).
 */
final class RuleForm {

    static final int ROWS = 4;
    /**
     * A custom attribute is chosen in the form as "conversation_attribute:order_no" (or contact_attribute), so the
     * same key on a conversation and a contact stays two choices; Chatwoot's JSON keeps the two parts apart.
     */
    static final String CUSTOM_SEPARATOR = ":";
    static final Set<String> ID_ATTRIBUTES = Set.of("assignee_id", "team_id", "inbox_id");
    static final Set<String> NO_VALUE = Set.of("is_present", "is_not_present");
    static final Set<String> NO_PARAM = Set.of("mute_conversation", "snooze_conversation", "resolve_conversation", "open_conversation",
            "pending_conversation");

    /** One condition row as typed. */
    record ConditionRow(String attribute, String operator, String value, String join) {
        boolean blank() {
            return attribute == null || attribute.isBlank();
        }
    }

    /** One action row as typed. */
    record ActionRow(String action, String value) {
        boolean blank() {
            return action == null || action.isBlank();
        }
    }

    String name = "";
    String description = "";
    String eventName = "";
    boolean active = true;
    boolean stopProcessing;
    String executionDelay = "";
    List<ConditionRow> conditions = new ArrayList<>();
    List<ActionRow> actions = new ArrayList<>();

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getEventName() {
        return eventName;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isStopProcessing() {
        return stopProcessing;
    }

    public String getExecutionDelay() {
        return executionDelay;
    }

    public List<ConditionRow> getConditions() {
        return conditions;
    }

    public List<ActionRow> getActions() {
        return actions;
    }

    public String getSummary() {
        return summary();
    }

    public List<String> getWarnings() {
        return warnings();
    }

    static RuleForm fromRequest(Map<String, String> p) {
        RuleForm f = new RuleForm();
        f.name = p.getOrDefault("name", "").trim();
        f.description = p.getOrDefault("description", "");
        f.eventName = p.getOrDefault("event_name", "");
        f.active = p.containsKey("active");
        f.stopProcessing = p.containsKey("stop_processing");
        f.executionDelay = p.getOrDefault("execution_delay", "");
        for (int i = 0; i < ROWS; i++) {
            f.conditions.add(new ConditionRow(p.get("condition_attribute_" + i), p.get("condition_operator_" + i), p.get("condition_value_" + i),
                    p.get("condition_join_" + i)));
            f.actions.add(new ActionRow(p.get("action_name_" + i), p.get("action_value_" + i)));
        }
        return f;
    }

    @SuppressWarnings("unchecked")
    static RuleForm fromRule(String name, String description, String eventName, boolean active, boolean stopProcessing,
                             List<Map<String, Object>> conditions, List<Map<String, Object>> actions, Integer executionDelay) {
        RuleForm f = new RuleForm();
        f.executionDelay = executionDelay == null ? "" : executionDelay.toString();
        f.name = name;
        f.description = description == null ? "" : description;
        f.eventName = eventName;
        f.active = active;
        f.stopProcessing = stopProcessing;
        for (Map<String, Object> c : conditions) {
            Object values = c.get("values");
            String value = values instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                    : values instanceof Map<?, ?> change ? join(change.get("from")) + " -> " + join(change.get("to")) : "";
            Object join = c.get("query_operator");
            Object customType = c.get("custom_attribute_type");
            String attribute = customType == null || customType.toString().isBlank() ? String.valueOf(c.get("attribute_key"))
                    : customType + CUSTOM_SEPARATOR + c.get("attribute_key");
            f.conditions.add(new ConditionRow(attribute, String.valueOf(c.get("filter_operator")), value,
                    join == null ? "and" : join.toString().toLowerCase()));
        }
        for (Map<String, Object> a : actions) {
            Object params = a.get("action_params");
            String value = params instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : "";
            f.actions.add(new ActionRow(String.valueOf(a.get("action_name")), value));
        }
        while (f.conditions.size() < ROWS) f.conditions.add(new ConditionRow("", "equal_to", "", "and"));
        while (f.actions.size() < ROWS) f.actions.add(new ActionRow("", ""));
        return f;
    }

    static RuleForm empty() {
        return fromRule("", "", "", true, false, List.of(), List.of(), null);
    }

    /** Field errors, keyed by the id of the input they belong to. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isBlank()) errors.put("rule-name", "Name can't be blank");
        if (eventName == null || eventName.isBlank()) errors.put("rule-event", "Event can't be blank");
        for (int i = 0; i < conditions.size(); i++) {
            ConditionRow c = conditions.get(i);
            if (c.blank()) continue;
            if (!NO_VALUE.contains(c.operator()) && (c.value() == null || c.value().isBlank())) {
                errors.put("condition-value-" + i, "Condition " + (i + 1) + " needs a value");
            }
        }
        if (actions.stream().allMatch(ActionRow::blank)) errors.put("action-name-0", "Add at least one action");
        for (int i = 0; i < actions.size(); i++) {
            ActionRow a = actions.get(i);
            if (!a.blank() && !NO_PARAM.contains(a.action()) && (a.value() == null || a.value().isBlank())) {
                errors.put("action-value-" + i, "Action " + (i + 1) + " needs a value");
            }
        }
        return errors;
    }

    /** Chatwoot's conditions: the last one has no query operator, the others lower-case "and"/"or". */
    List<Map<String, Object>> conditionsJson() {
        List<ConditionRow> used = conditions.stream().filter(c -> !c.blank()).toList();
        List<Map<String, Object>> json = new ArrayList<>();
        for (int i = 0; i < used.size(); i++) {
            ConditionRow c = used.get(i);
            var condition = new HashMap<String, Object>();
            String[] custom = c.attribute().split(CUSTOM_SEPARATOR, 2);
            boolean isCustom = custom.length == 2;
            condition.put("attribute_key", isCustom ? custom[1] : c.attribute());
            condition.put("filter_operator", c.operator());
            condition.put("values", NO_VALUE.contains(c.operator()) ? List.of()
                    : "attribute_changed".equals(c.operator()) ? change(c.attribute(), c.value()) : values(c.attribute(), c.value()));
            condition.put("query_operator", i == used.size() - 1 ? null : (c.join() == null || c.join().isBlank() ? "and" : c.join()));
            condition.put("custom_attribute_type", isCustom ? custom[0] : "");
            json.add(condition);
        }
        return json;
    }

    List<Map<String, Object>> actionsJson() {
        List<Map<String, Object>> json = new ArrayList<>();
        for (ActionRow a : actions) {
            if (a.blank()) continue;
            List<Object> params = NO_PARAM.contains(a.action()) ? List.of() : switch (a.action()) {
                case "send_message", "add_private_note", "send_email_transcript", "send_webhook_event" -> List.of(a.value().trim());
                case "assign_agent", "assign_team" -> List.of(idOrWord(a.value().trim()));
                default -> new ArrayList<>(split(a.value()));
            };
            json.add(Map.of("action_name", a.action(), "action_params", params));
        }
        return json;
    }

    private static List<Object> values(String attribute, String value) {
        List<Object> values = new ArrayList<>();
        for (String v : split(value)) values.add(ID_ATTRIBUTES.contains(attribute) ? idOrWord(v) : v);
        return values;
    }

    /** "open, pending -> resolved" becomes {"from": ["open", "pending"], "to": ["resolved"]}. */
    private static Map<String, Object> change(String attribute, String value) {
        String[] parts = value.split("->", 2);
        var change = new LinkedHashMap<String, Object>();
        change.put("from", values(attribute, parts[0]));
        change.put("to", parts.length > 1 ? values(attribute, parts[1]) : List.of());
        return change;
    }

    private static String join(Object values) {
        return values instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : "";
    }

    private static Object idOrWord(String value) {
        return value.matches("\\d{1,18}") ? (Object) Long.parseLong(value) : value;
    }

    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        if (value == null) return parts;
        for (String part : value.split(",")) if (!part.isBlank()) parts.add(part.trim());
        return parts;
    }

    /** A plain-language sentence of the rule, and the known traps it falls into. */
    String summary() {
        List<String> parts = new ArrayList<>();
        for (ConditionRow c : conditions) {
            if (c.blank()) continue;
            if (TIME_CONDITIONS.contains(c.attribute())) {
                parts.add(timeLabel(c));
                continue;
            }
            parts.add(attributeLabel(c.attribute()) + " " + c.operator().replace('_', ' ') + (NO_VALUE.contains(c.operator()) ? "" : " " + c.value()));
        }
        String when = "When " + (eventName == null || eventName.isBlank() ? "…" : eventName.replace('_', ' '));
        String what = actions.stream().filter(a -> !a.blank()).map(RuleForm::actionPhrase).reduce((x, y) -> x + ", then " + y).orElse("do nothing");
        String later = executionDelay == null || executionDelay.isBlank() ? ""
                : ", " + executionDelay.trim() + " minutes later if its conditions still hold then";
        return when + (parts.isEmpty() ? "" : " and " + String.join(" … ", parts)) + later + ": " + what + ".";
    }

    static final Set<String> TIME_CONDITIONS = Set.of("no_agent_reply_for", "no_customer_reply_for", "open_for", "pending_for", "snoozed_for",
            "waiting_for_assignee_for", "assignee_not_replied_for");

    /** "no agent reply for 30 minutes of business hours": a time condition in plain words. */
    private static String timeLabel(ConditionRow c) {
        String value = c.value() == null ? "" : c.value();
        boolean businessHours = value.contains("business_hours");
        String minutes = value.replace("business_hours", "").replace(",", " ").trim();
        String what = switch (c.attribute()) {
            case "no_agent_reply_for" -> "no agent reply (since the customer's last message) for";
            case "no_customer_reply_for" -> "no customer reply (since the last agent reply) for";
            case "waiting_for_assignee_for" -> "waiting for an assignee for";
            case "assignee_not_replied_for" -> "the assigned agent has not replied (since the assignment) for";
            default -> c.attribute().replace("_for", "").replace('_', ' ') + " for";
        };
        return what + " " + (minutes.isEmpty() ? "…" : minutes) + " minutes" + (businessHours ? " of business hours" : "");
    }

    /** An action in words; "nil" (Chatwoot's "None") reads as removing: "unassign the agent", never "assign agent nil". */
    private static String actionPhrase(ActionRow a) {
        boolean none = a.value() != null && "nil".equalsIgnoreCase(a.value().trim());
        if (none) {
            return switch (a.action()) {
                case "assign_agent" -> "unassign the agent";
                case "assign_team" -> "remove the team";
                case "change_priority" -> "remove the priority";
                default -> a.action().replace('_', ' ');
            };
        }
        return a.action().replace('_', ' ') + (a.value() == null || a.value().isBlank() ? "" : " " + a.value());
    }

    /** "order_no (conversation attribute)" for a custom attribute, "assignee id" for a standard one. */
    private static String attributeLabel(String attribute) {
        String[] custom = attribute.split(CUSTOM_SEPARATOR, 2);
        return custom.length == 2 ? custom[1].replace('_', ' ') + " (" + custom[0].replace('_', ' ') + ")" : attribute.replace('_', ' ');
    }

    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        boolean resolvedCondition = conditions.stream().anyMatch(c -> "status".equals(c.attribute()) && "equal_to".equals(c.operator())
                && c.value() != null && c.value().contains("resolved"));
        if ("conversation_updated".equals(eventName) && resolvedCondition) {
            warnings.add("Conversation Updated + Status = Resolved runs on every later change of a resolved conversation "
                    + "(a label, a priority…), not only when it is resolved. Use the Conversation Resolved event to act once.");
        }
        return warnings;
    }
}
