package dev.parley.inbox;

import dev.parley.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** An inbox was created (Chatwoot's {@code inbox_created} webhook). */
public record InboxCreated(UUID eventId, Instant occurredAt, long accountId, long inboxId, Actor causedBy) {
}
