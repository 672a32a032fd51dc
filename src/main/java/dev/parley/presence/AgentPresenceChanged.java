package dev.parley.presence;

import dev.parley.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** An agent became reachable (online) or stopped being reachable, and why (availability, heartbeat, heartbeat_timeout). */
public record AgentPresenceChanged(UUID eventId, Instant occurredAt, long accountId, long userId, boolean online, String reason,
                                   Actor causedBy) {
}
