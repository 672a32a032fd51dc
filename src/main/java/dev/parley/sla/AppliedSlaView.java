package dev.parley.sla;

import java.time.Instant;

/** A policy applied to a conversation, with its status (active, active_with_misses, hit, missed). */
public record AppliedSlaView(long id, long accountId, long conversationId, SlaPolicyView policy, String slaStatus, Instant createdAt,
                             Instant updatedAt) {
}
