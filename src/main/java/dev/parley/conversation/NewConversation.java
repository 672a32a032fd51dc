package dev.parley.conversation;

import java.util.Map;

/** What is needed to open a conversation; status, assignee, team and attributes are optional. */
public record NewConversation(long accountId, long inboxId, long contactId, long contactInboxId, String status, Long assigneeId,
                              Long teamId, Map<String, Object> additionalAttributes, Map<String, Object> customAttributes) {
}
