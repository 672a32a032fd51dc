package dev.parley.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.attachment.AttachmentJson;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Chatwoot's message JSON (its {@code Message#push_event_data}): the API's message, and the last message inside a
 * conversation's webhook payload. message_type is the enum number, created_at unix seconds, updated_at an ISO time;
 * attachments only when there are any. Snake case by annotation, as webhook payloads are written by a plain mapper.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MessageJson(long id, String content, long inboxId, long conversationId, int messageType, String contentType,
                   String status, Map<String, Object> contentAttributes, Long createdAt, long accountId, String updatedAt,
                   MessageJson.Conversation conversation,
                   @JsonProperty("private") boolean isPrivate, String sourceId, String echoId, Object sender, String senderType,
                   Long senderId, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AttachmentJson> attachments,
                   Map<String, Object> externalSourceIds, Map<String, Object> additionalAttributes, String processedMessageContent,
                   Map<String, Object> sentiment) {

    /** Chatwoot renders every column of a message; these are the ones Parley keeps empty (no external sources, no sentiment). */
    public MessageJson(long id, String content, long inboxId, long conversationId, int messageType, String contentType, String status,
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
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Conversation(Long assigneeId, int unreadCount, Long lastActivityAt, Map<String, String> contactInbox) {
    }
}
