package dev.parley.assignment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An assignment policy's settings changed (e.g. it was enabled or disabled); {@code inboxIds} are the
 * inboxes linked to it at the change, whose routing now follows the new settings.
 */
public record AssignmentPolicyChanged(UUID eventId, Instant occurredAt, long accountId, long policyId, List<Long> inboxIds,
                                      boolean enabledBefore, boolean enabledAfter) {
}
