package dev.parley.conversation;

import dev.parley.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** The assignee changed from one agent (or none) to another (or none); status is the one at the change. */
public record ConversationAssigneeChanged(UUID eventId, Instant occurredAt, long accountId, long conversationId, long displayId,
                                          long inboxId, ConversationStatus status, Long from, Long to, Actor causedBy) {
}
