package dev.parley.conversation;

import dev.parley.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/**
 * The status changed. {@code assigneeIdAtChange} and {@code teamIdAtChange} are the values when it
 * happened, so a resolution is credited to the agent who resolved, whatever happens afterwards.
 */
public record ConversationStatusChanged(UUID eventId, Instant occurredAt, long accountId, long conversationId, long displayId,
                                        long inboxId, ConversationStatus from, ConversationStatus to, Long assigneeIdAtChange,
                                        Long teamIdAtChange, Instant snoozedUntil, Actor causedBy) {
}
