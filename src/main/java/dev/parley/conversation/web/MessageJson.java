package dev.parley.conversation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.attachment.AttachmentJson;
import java.util.List;
import java.util.Map;

/** Chatwoot's message JSON; message_type is the enum number, as Chatwoot's API sends it; attachments only when there are any. */
record MessageJson(long id, String content, long inboxId, long conversationId, int messageType, String contentType,
                   String status, Map<String, Object> contentAttributes, Long createdAt, long accountId, String updatedAt,
                   MessageJson.Conversation conversation,
                   @JsonProperty("private") boolean isPrivate, String sourceId, String echoId, Object sender, String senderType,
                   Long senderId, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AttachmentJson> attachments,
                   Map<String, Object> externalSourceIds, Map<String, Object> additionalAttributes, String processedMessageContent,
                   Map<String, Object> sentiment) {

    /** Chatwoot renders every column of a message; these are the ones Parley keeps empty (no external sources, no sentiment). */
    MessageJson(long id, String content, long inboxId, long conversationId, int messageType, String contentType, String status,
                Map<String, Object> contentAttributes, Long createdAt, long accountId, String updatedAt, Conversation conversation,
                boolean isPrivate, String sourceId, String echoId, Object sender, String senderType, Long senderId,
                List<AttachmentJson> attachments) {
        this(id, content, inboxId, conversationId, messageType, contentType, status, contentAttributes, createdAt, accountId, updatedAt,
                conversation, isPrivate, sourceId, echoId, sender, senderType, senderId, attachments, Map.of(), Map.of(), content, Map.of());
    }

    /**
     * Chatwoot's {@code conversation} block of a message (Message#conversation_push_event_data, which also gives
     * the message its account_id and its updated_at as an ISO time, the attribute as Rails renders it).
     */
    record Conversation(Long assigneeId, int unreadCount, Long lastActivityAt, Map<String, String> contactInbox) {
    }
}
