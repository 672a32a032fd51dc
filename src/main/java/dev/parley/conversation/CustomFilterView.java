package dev.parley.conversation;

import java.time.Instant;
import java.util.Map;

/** A saved filter ("folder") of one person in one account; {@code query} is Chatwoot's {@code {payload: [rows]}}. */
public record CustomFilterView(long id, long accountId, long userId, String name, String filterType, Map<String, Object> query,
                               Instant createdAt, Instant updatedAt) {
}
