package dev.parley.conversation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.attachment.AttachmentJson;
import java.util.List;
import java.util.Map;

/** Chatwoot's message JSON; message_type is the enum number, as Chatwoot's API sends it; attachments only when there are any. */
record MessageJson(long id, String content, long inboxId, long conversationId, int messageType, String contentType,
                   String status, Map<String, Object> contentAttributes, Long createdAt,
                   @JsonProperty("private") boolean isPrivate, String sourceId, String echoId, Object sender, String senderType,
                   Long senderId, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AttachmentJson> attachments) {
}
