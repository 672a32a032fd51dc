package dev.parley.assignment;

import java.time.Instant;

/** Chatwoot's assignment policy, plus Parley's optional account-wide limit per agent. */
public record AssignmentPolicyView(long id, long accountId, String name, String description, String assignmentOrder,
                                   String conversationPriority, int fairDistributionLimit, int fairDistributionWindow,
                                   Integer accountCapacityLimit, boolean enabled, Instant createdAt, Instant updatedAt) {
}
