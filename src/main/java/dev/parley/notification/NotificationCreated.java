package dev.parley.notification;

import java.time.Instant;
import java.util.UUID;

/** A person got a notification; {@code unread} is how many unread she has now. */
public record NotificationCreated(UUID eventId, Instant occurredAt, long accountId, long userId, long notificationId, String message,
                                  long unread) {
}
