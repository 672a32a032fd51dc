package dev.parley.shared.timers;

import java.time.Instant;
import java.util.Map;

/** A timer as its handler sees it when it fires. */
public record DueTimer(long id, String kind, String subject, String owner, long accountId, Long conversationId, Instant dueAt,
                       Map<String, Object> payload, Instant armedAt, String armedBy, int moves, Instant movedAt, String movedBy,
                       int attempts) {
}
