package dev.parley.conversation;

import dev.parley.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** The team changed; {@code assigneeId} is the assignee after the change (it may have been cleared). */
public record ConversationTeamChanged(UUID eventId, Instant occurredAt, long accountId, long conversationId, long displayId,
                                      long inboxId, ConversationStatus status, Long from, Long to, Long assigneeId, Actor causedBy) {
}
