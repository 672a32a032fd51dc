package dev.parley.notification;

import java.time.Instant;

/** One notification of one person: what happened (type and a sentence), in which conversation, read or not. */
public record NotificationView(long id, long accountId, long userId, String notificationType, long conversationId, long displayId,
                               String message, String actorName, Instant readAt, Instant createdAt) {
}
