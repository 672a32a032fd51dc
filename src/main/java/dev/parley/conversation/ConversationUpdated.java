package dev.parley.conversation;

import dev.parley.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Chatwoot's {@code conversation_updated}: one per command that changed any of status, assignee_id,
 * team_id, priority, snoozed_until, labels, custom_attributes, waiting_since or first_reply_created_at.
 * {@code changedAttributes} maps each to [before, after], enums as their API names, times as unix seconds.
 */
public record ConversationUpdated(UUID eventId, Instant occurredAt, long accountId, long conversationId, long displayId,
                                  long inboxId, Map<String, List<Object>> changedAttributes, Actor causedBy) {
}
