package dev.parley.automation.domain;

import java.util.List;
import java.util.Map;

/**
 * The standard condition attributes (Chatwoot's whitelist, its §2.6), where each one's value comes
 * from, how it compares, and which operators it accepts.
 */
public enum Attribute {
    STATUS("status", Kind.ENUM, Ops.T1),
    ASSIGNEE_ID("assignee_id", Kind.ID, Ops.T3),
    INBOX_ID("inbox_id", Kind.ID, Ops.T3),
    TEAM_ID("team_id", Kind.ID, Ops.T3),
    PRIORITY("priority", Kind.ENUM, Ops.T1),
    LABELS("labels", Kind.LABELS, Ops.T3),
    BROWSER_LANGUAGE("browser_language", Kind.TEXT, Ops.T1),
    CONVERSATION_LANGUAGE("conversation_language", Kind.TEXT, Ops.T1),
    REFERER("referer", Kind.TEXT, Ops.T2),
    MAIL_SUBJECT("mail_subject", Kind.TEXT, Ops.T2),
    EMAIL("email", Kind.TEXT_ANY_CASE, Ops.T2),
    PHONE_NUMBER("phone_number", Kind.TEXT, Ops.T6),
    COUNTRY_CODE("country_code", Kind.TEXT_ANY_CASE, Ops.T1),
    CITY("city", Kind.TEXT_ANY_CASE, Ops.T2),
    COMPANY("company", Kind.TEXT_ANY_CASE, Ops.T2),
    MESSAGE_TYPE("message_type", Kind.ENUM, Ops.T1),
    CONTENT("content", Kind.TEXT_ANY_CASE, Ops.T2),
    PRIVATE_NOTE("private_note", Kind.BOOLEAN, Ops.T1),
    // Parley's time conditions (see TimeCondition): true once the state has lasted the minutes given
    NO_AGENT_REPLY_FOR("no_agent_reply_for", Kind.TIME, Ops.TIME),
    NO_CUSTOMER_REPLY_FOR("no_customer_reply_for", Kind.TIME, Ops.TIME),
    OPEN_FOR("open_for", Kind.TIME, Ops.TIME),
    PENDING_FOR("pending_for", Kind.TIME, Ops.TIME),
    SNOOZED_FOR("snoozed_for", Kind.TIME, Ops.TIME),
    WAITING_FOR_ASSIGNEE_FOR("waiting_for_assignee_for", Kind.TIME, Ops.TIME),
    ASSIGNEE_NOT_REPLIED_FOR("assignee_not_replied_for", Kind.TIME, Ops.TIME);

    /** How values of the attribute compare. */
    public enum Kind { ENUM, ID, LABELS, TEXT, TEXT_ANY_CASE, BOOLEAN, TIME }

    /** Chatwoot's operator sets. */
    static final class Ops {
        static final List<String> T1 = List.of("equal_to", "not_equal_to");
        static final List<String> T2 = List.of("equal_to", "not_equal_to", "contains", "does_not_contain");
        static final List<String> T3 = List.of("equal_to", "not_equal_to", "is_present", "is_not_present");
        static final List<String> T6 = List.of("equal_to", "not_equal_to", "contains", "does_not_contain", "starts_with");
        static final List<String> TIME = List.of("is_greater_than");

        private Ops() {
        }
    }

    public static final List<String> ALL_OPERATORS = List.of("equal_to", "not_equal_to", "contains", "does_not_contain", "starts_with",
            "is_present", "is_not_present", "is_greater_than", "is_less_than", "days_before", "attribute_changed");

    /** Operators a custom attribute accepts, by its display type. */
    public static final Map<String, List<String>> CUSTOM_OPERATORS = Map.of(
            "text", List.of("equal_to", "not_equal_to", "contains", "does_not_contain", "starts_with", "is_present", "is_not_present"),
            "link", List.of("equal_to", "not_equal_to", "contains", "does_not_contain", "starts_with", "is_present", "is_not_present"),
            "list", List.of("equal_to", "not_equal_to", "is_present", "is_not_present"),
            "number", List.of("equal_to", "not_equal_to", "is_present", "is_not_present", "is_greater_than", "is_less_than"),
            "currency", List.of("equal_to", "not_equal_to", "is_present", "is_not_present", "is_greater_than", "is_less_than"),
            "percent", List.of("equal_to", "not_equal_to", "is_present", "is_not_present", "is_greater_than", "is_less_than"),
            "date", List.of("equal_to", "not_equal_to", "is_present", "is_not_present", "is_greater_than", "is_less_than", "days_before"),
            "checkbox", List.of("equal_to", "not_equal_to", "is_present", "is_not_present"));

    private final String key;
    private final Kind kind;
    private final List<String> operators;

    Attribute(String key, Kind kind, List<String> operators) {
        this.key = key;
        this.kind = kind;
        this.operators = operators;
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** Operators accepted: Chatwoot's set, plus attribute_changed (which looks at the event's change map). */
    public boolean accepts(String operator) {
        return operators.contains(operator) || kind != Kind.TIME && "attribute_changed".equals(operator);
    }

    public List<String> operators() {
        return operators;
    }

    private static final Map<String, Attribute> BY_KEY = new java.util.HashMap<>();

    static {
        for (Attribute a : values()) BY_KEY.put(a.key, a);
    }

    public static Attribute byKey(String key) {
        return key == null ? null : BY_KEY.get(key);
    }

    /** Whether the attribute is about the message(s) in scope rather than the conversation or contact. */
    public boolean ofMessage() {
        return this == MESSAGE_TYPE || this == CONTENT || this == PRIVATE_NOTE;
    }

    /** The key of this attribute in Chatwoot's change map (labels change as {@code label_list}). */
    public String changeKey() {
        return this == LABELS ? "label_list" : key;
    }
}
