package dev.parley.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A conversation as read from the database: what the API shows and listeners may re-read. */
public record ConversationView(long id, long accountId, long inboxId, long contactId, Long contactInboxId, long displayId,
                               UUID uuid, ConversationStatus status, Priority priority, Long assigneeId, Long teamId,
                               Instant snoozedUntil, Instant waitingSince, Instant firstReplyCreatedAt, Instant lastActivityAt,
                               Instant agentLastSeenAt, Instant contactLastSeenAt, Map<String, Object> additionalAttributes,
                               Map<String, Object> customAttributes, List<String> labels, Instant createdAt, Instant updatedAt) {
}
