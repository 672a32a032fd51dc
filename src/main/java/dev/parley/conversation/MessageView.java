package dev.parley.conversation;

import java.time.Instant;
import java.util.Map;

/** A stored message. {@code senderType} is "User", "Contact" or null (automation, system, activity). */
public record MessageView(long id, long accountId, long inboxId, long conversationId, MessageType messageType, String content,
                          String contentType, Map<String, Object> contentAttributes, boolean isPrivate, String status,
                          String senderType, Long senderId, String sourceId, String echoId, Instant createdAt, Instant updatedAt) {

    /** A message about to be stored: it is updated when it is created. */
    public MessageView(long id, long accountId, long inboxId, long conversationId, MessageType messageType, String content,
                       String contentType, Map<String, Object> contentAttributes, boolean isPrivate, String status,
                       String senderType, Long senderId, String sourceId, String echoId, Instant createdAt) {
        this(id, accountId, inboxId, conversationId, messageType, content, contentType, contentAttributes, isPrivate, status,
                senderType, senderId, sourceId, echoId, createdAt, createdAt);
    }
}
