package dev.parley.automation.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * Parley's time conditions: true once a state has lasted some minutes, counted on the calendar or in the inbox's
 * business hours. Written like any condition: {@code {"attribute_key": "no_agent_reply_for", "filter_operator":
 * "is_greater_than", "values": [30]}}, with {@code "business_hours"} as a second value to count business hours
 * only ({@code [30, "business_hours"]}). Each names the episode whose timer makes it true: no agent reply (since
 * the last customer message), no customer reply (since the last agent reply), open / pending / snoozed, waiting
 * for an assignee, the assignee silent since the assignment. A rule has at most one; it is then a timed rule.
 */
public record TimeCondition(Episode episode, String status, int minutes, boolean businessHours) {

    /** The states a timer measures. */
    public enum Episode { STATUS, AWAITING_AGENT, AWAITING_CUSTOMER, UNASSIGNED, ASSIGNED }

    public static final String BUSINESS_HOURS = "business_hours";

    /** The rule's time condition, or null when it has none. */
    public static TimeCondition of(List<Condition> conditions) {
        for (Condition c : conditions) {
            Attribute a = Attribute.byKey(c.attributeKey());
            if (a != null && a.kind() == Attribute.Kind.TIME) return of(a, c);
        }
        return null;
    }

    static TimeCondition of(Attribute a, Condition c) {
        Integer minutes = minutes(c);
        boolean businessHours = c.values() != null && c.values().stream().anyMatch(v -> BUSINESS_HOURS.equals(String.valueOf(v)));
        int m = minutes == null ? 0 : minutes;
        return switch (a) {
            case NO_AGENT_REPLY_FOR -> new TimeCondition(Episode.AWAITING_AGENT, null, m, businessHours);
            case NO_CUSTOMER_REPLY_FOR -> new TimeCondition(Episode.AWAITING_CUSTOMER, null, m, businessHours);
            case OPEN_FOR -> new TimeCondition(Episode.STATUS, "open", m, businessHours);
            case PENDING_FOR -> new TimeCondition(Episode.STATUS, "pending", m, businessHours);
            case SNOOZED_FOR -> new TimeCondition(Episode.STATUS, "snoozed", m, businessHours);
            case WAITING_FOR_ASSIGNEE_FOR -> new TimeCondition(Episode.UNASSIGNED, null, m, businessHours);
            case ASSIGNEE_NOT_REPLIED_FOR -> new TimeCondition(Episode.ASSIGNED, null, m, businessHours);
            default -> throw new IllegalArgumentException(a + " is not a time condition");
        };
    }

    /** The minutes of a time condition (its first value), null when it is not a whole number from 1 to 43200. */
    static Integer minutes(Condition c) {
        if (c.values() == null || c.values().isEmpty() || c.values().get(0) == null) return null;
        try {
            BigDecimal n = new BigDecimal(c.values().get(0).toString().trim());
            if (n.stripTrailingZeros().scale() > 0 || n.signum() <= 0 || n.compareTo(BigDecimal.valueOf(RuleDelays.MAX_MINUTES)) > 0) return null;
            return n.intValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "30 minutes" or "30 business minutes", for the explain log. */
    static String describe(Condition c) {
        Integer m = minutes(c);
        boolean bh = c.values() != null && c.values().stream().anyMatch(v -> BUSINESS_HOURS.equals(String.valueOf(v)));
        return (m == null ? "?" : m) + (bh ? " business" : "") + " minutes";
    }

    /** What is wrong with the rule's time conditions (empty when nothing). */
    public static List<String> problems(List<Condition> conditions, boolean hasExecutionDelay) {
        List<Condition> timed = conditions.stream().filter(c -> {
            Attribute a = Attribute.byKey(c.attributeKey());
            return a != null && a.kind() == Attribute.Kind.TIME;
        }).toList();
        if (timed.isEmpty()) return List.of();
        if (timed.size() > 1) return List.of("A rule can have one time condition.");
        if (hasExecutionDelay) return List.of("A rule with a time condition takes its delay from it; leave execution_delay empty.");
        if (conditions.stream().anyMatch(Condition::joinsNextWithOr)) return List.of("A rule with a time condition joins its conditions with AND.");
        return minutes(timed.get(0)) == null
                ? List.of("Time condition " + timed.get(0).attributeKey() + " takes whole minutes from 1 to " + RuleDelays.MAX_MINUTES + ".")
                : List.of();
    }
}
