package dev.parley.assignment;

import java.time.Instant;
import java.util.UUID;

/** An inbox got another assignment policy, or none ({@code policyIdAfter} null): its routing follows other rules now. */
public record InboxAssignmentPolicyChanged(UUID eventId, Instant occurredAt, long accountId, long inboxId, Long policyIdBefore,
                                           Long policyIdAfter) {
}
