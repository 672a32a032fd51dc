package dev.parley.conversation;

import dev.parley.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** A conversation was created, with its state at commit time. */
public record ConversationCreated(UUID eventId, Instant occurredAt, long accountId, long conversationId, long displayId,
                                  long inboxId, long contactId, ConversationStatus status, Long assigneeId, Long teamId,
                                  Actor causedBy) {
}
