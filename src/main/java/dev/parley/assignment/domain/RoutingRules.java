package dev.parley.assignment.domain;

/**
 * The limits and order one inbox routes by: from the inbox ({@code max_assignment_limit}) and its
 * assignment policy (order, fair distribution, Parley's account-wide limit). Null limits mean none.
 */
public record RoutingRules(Order order, boolean longestWaitingFirst, Integer inboxLimit, Integer accountLimit, Integer fairLimit,
                           int fairWindowSeconds) {

    /** How to choose among agents who can take a conversation. */
    public enum Order { ROUND_ROBIN, BALANCED }

    public static RoutingRules defaults() {
        return new RoutingRules(Order.ROUND_ROBIN, false, null, null, null, 3600);
    }
}
