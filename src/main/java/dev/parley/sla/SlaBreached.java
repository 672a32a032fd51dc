package dev.parley.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * An SLA was missed: {@code eventType} frt (first response), nrt (next response) or rt (resolution) came due with
 * the conversation still waiting. Published once per breach, in the transaction that records it.
 */
public record SlaBreached(UUID eventId, Instant occurredAt, long accountId, long conversationId, long displayId, long inboxId,
                          long slaPolicyId, String policyName, String eventType, Instant dueAt, Long assigneeId, Long teamId) {
}
