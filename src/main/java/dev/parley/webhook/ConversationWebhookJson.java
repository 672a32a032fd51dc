package dev.parley.webhook;

import dev.parley.account.AgentPushJson;
import dev.parley.account.TeamBriefJson;
import dev.parley.contact.ContactInboxView;
import dev.parley.contact.ContactPushJson;
import dev.parley.conversation.MessageJson;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Chatwoot's conversation in webhook payloads (its {@code Conversation#webhook_data}, which is its push data, plus
 * the account id; not its group keys, Parley has no group conversations). As Chatwoot renders them: {@code agent_last_seen_at}, {@code contact_last_seen_at},
 * {@code waiting_since}, {@code last_activity_at}, {@code timestamp} and {@code created_at} are unix seconds (0 when
 * unset, Ruby's {@code nil.to_i}), {@code updated_at} unix seconds with their fraction, {@code snoozed_until} and
 * {@code first_reply_created_at} Rails times (ISO 8601 strings or null). {@code messages} holds the last chat
 * message in its push shape ({@code MessageJson}: numeric message_type, unix created_at).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConversationWebhookJson(Map<String, Object> additionalAttributes, boolean canReply, String channel,
                                      ContactInbox contactInbox, long id, long inboxId,
                                      List<MessageJson> messages, List<String> labels, Meta meta, String status,
                                      Map<String, Object> customAttributes, String snoozedUntil, int unreadCount, String firstReplyCreatedAt,
                                      String priority, long waitingSince, long agentLastSeenAt, long contactLastSeenAt,
                                      long lastActivityAt, long timestamp, long createdAt, Double updatedAt, long accountId) {

    /**
     * The conversation's contact inbox (Chatwoot renders the record; Parley leaves out its widget pubsub token, a
     * credential, and its row times); null for a conversation without one.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ContactInbox(long id, long contactId, long inboxId, String sourceId, boolean hmacVerified) {

        public static ContactInbox of(ContactInboxView ci) {
            return new ContactInbox(ci.id(), ci.contactId(), ci.inboxId(), ci.sourceId(), ci.hmacVerified());
        }
    }

    /** The conversation's contact, assignee and team, each in its push data (as Chatwoot's push_meta). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Meta(ContactPushJson sender, AgentPushJson assignee, String assigneeType, TeamBriefJson team, boolean hmacVerified) {
    }
}
