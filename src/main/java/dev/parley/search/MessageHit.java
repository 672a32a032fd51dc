package dev.parley.search;

import java.time.Instant;

/** A message found by its words (also a found conversation's first message). {@code senderType} is "User", "Contact" or null. */
public record MessageHit(long id, String content, int messageType, String contentType, String sourceId, long inboxId,
                         long conversationId, long displayId, Instant createdAt, String senderType, Long senderId, boolean isPrivate) {
}
