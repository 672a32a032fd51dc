package dev.parley.conversation;

import java.time.Instant;

/**
 * A reply or private note an agent wrote to be sent later: {@code status} is scheduled (editable, cancellable),
 * sending, sent (with the message it became), cancelled or failed.
 */
public record ScheduledMessageView(long id, long conversationDisplayId, String content, boolean isPrivate, Instant scheduledAt, String status,
                                   Long authorId, String authorName, Long messageId, Instant createdAt, String outcome) {
}
