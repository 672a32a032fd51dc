package dev.parley.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.account.AccountBriefJson;
import dev.parley.attachment.AttachmentJson;
import dev.parley.inbox.InboxBriefJson;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Chatwoot's message in webhook payloads (its {@code Message#webhook_data}): message_type by name, created_at the
 * Rails time (an ISO 8601 string, not unix seconds as in the push data), the account and inbox in brief, the sender
 * as {@code ContactWebhookJson} or {@code AgentWebhookJson}; {@code attachments} only when there are any.
 * (Inside a conversation's {@code messages} Chatwoot puts the push data instead: {@code MessageJson}.)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MessageWebhookJson(AccountBriefJson account, Map<String, Object> additionalAttributes,
                                 @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AttachmentJson> attachments,
                                 Map<String, Object> contentAttributes, String contentType, String content,
                                 ConversationWebhookJson conversation, String createdAt, long id,
                                 InboxBriefJson inbox, String messageType, @JsonProperty("private") boolean isPrivate, Object sender,
                                 String sourceId) {
}
