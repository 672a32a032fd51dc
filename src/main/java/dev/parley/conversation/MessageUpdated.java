package dev.parley.conversation;

import dev.parley.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** A stored message changed, e.g. it was deleted (Chatwoot's {@code message_updated}; the content becomes "This message was deleted"). */
public record MessageUpdated(UUID eventId, Instant occurredAt, long accountId, long conversationId, long displayId, long inboxId,
                             long messageId, Actor causedBy) {
}
