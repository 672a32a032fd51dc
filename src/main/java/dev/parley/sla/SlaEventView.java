package dev.parley.sla;

import java.time.Instant;
import java.util.Map;

/** One breach: frt, nrt or rt, with who had the conversation when it happened. */
public record SlaEventView(long id, long appliedSlaId, long slaPolicyId, long conversationId, long inboxId, Long assigneeId, Long teamId,
                           String eventType, Instant dueAt, Map<String, Object> meta, Instant createdAt) {
}
