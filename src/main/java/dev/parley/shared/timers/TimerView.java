package dev.parley.shared.timers;

import java.time.Instant;
import java.util.Map;

/** A timer's story for the explain log: armed by what, moved, and how it ended (or that it is still pending). */
public record TimerView(long id, String kind, String subject, String owner, Long conversationId, String state, Instant dueAt,
                        Map<String, Object> payload, Instant armedAt, String armedBy, int moves, Instant movedAt, String movedBy,
                        int attempts, String lastError, Instant endedAt, String endedBy, String outcome) {

    public boolean pending() {
        return "armed".equals(state) || "firing".equals(state);
    }
}
