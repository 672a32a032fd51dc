package dev.parley.conversation;

import java.time.Instant;
import java.util.Map;

/** A stored message. {@code senderType} is "User", "Contact" or null (automation, system, activity). */
public record MessageView(long id, long accountId, long inboxId, long conversationId, MessageType messageType, String content,
                          String contentType, Map<String, Object> contentAttributes, boolean isPrivate, String status,
                          String senderType, Long senderId, String sourceId, String echoId, Instant createdAt) {
}
