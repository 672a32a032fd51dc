package dev.parley.search;

import java.time.Instant;
import java.util.Map;

/** A conversation found by its display id or its contact. */
public record ConversationHit(long id, long displayId, long accountId, long inboxId, long contactId, Long assigneeId, String status,
                              Map<String, Object> additionalAttributes, Instant createdAt) {
}
