package dev.parley.account;

import dev.parley.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** A user stopped being a member of an account. */
public record AgentRemoved(UUID eventId, Instant occurredAt, long accountId, long userId, Actor causedBy) {
}
