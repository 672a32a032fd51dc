package dev.parley.account;

import dev.parley.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** An agent's availability or auto_offline setting changed in one account. */
public record AgentAvailabilityChanged(UUID eventId, Instant occurredAt, long accountId, long userId,
                                       Availability from, Availability to, boolean autoOffline, Actor causedBy) {
}
