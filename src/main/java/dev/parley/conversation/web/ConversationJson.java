package dev.parley.conversation.web;

import dev.parley.conversation.MessageJson;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Chatwoot's conversation JSON for the application API (times as unix seconds). */
record ConversationJson(Meta meta, long id, List<MessageJson> messages, long accountId, UUID uuid,
                        Map<String, Object> additionalAttributes, Long agentLastSeenAt, Long assigneeLastSeenAt, boolean canReply,
                        Long contactLastSeenAt, Map<String, Object> customAttributes, long inboxId, List<String> labels,
                        boolean muted, Long snoozedUntil, String status, Long createdAt, Long updatedAt, Long timestamp,
                        Long firstReplyCreatedAt, int unreadCount, MessageJson lastNonActivityMessage, Long lastActivityAt,
                        String priority, Long waitingSince, Long slaPolicyId, Long teamId, Long assigneeId,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> appliedSla, List<Map<String, Object>> slaEvents) {

    record Meta(Object sender, String channel, Object assignee, String assigneeType, Object team, boolean hmacVerified) {
    }
}
