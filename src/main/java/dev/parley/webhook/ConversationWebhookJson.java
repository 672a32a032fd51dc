package dev.parley.webhook;

import dev.parley.account.AgentWebhookJson;
import dev.parley.account.TeamBriefJson;
import dev.parley.contact.ContactPushJson;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Chatwoot's conversation in webhook payloads (its {@code Conversation#webhook_data}: the push data plus the
 * account id). Times are unix seconds, {@code updated_at} with its fraction; {@code messages} holds the last message.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConversationWebhookJson(Map<String, Object> additionalAttributes, boolean canReply, String channel, long id, long inboxId,
                                      List<MessageWebhookJson> messages, List<String> labels, Meta meta, String status,
                                      Map<String, Object> customAttributes, Long snoozedUntil, int unreadCount, Long firstReplyCreatedAt,
                                      String priority, Long waitingSince, Long agentLastSeenAt, Long contactLastSeenAt,
                                      Long lastActivityAt, Long timestamp, Long createdAt, Double updatedAt, long accountId) {

    /** The conversation's contact, assignee and team. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Meta(ContactPushJson sender, AgentWebhookJson assignee, String assigneeType, TeamBriefJson team, boolean hmacVerified) {
    }
}
