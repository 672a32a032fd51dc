package dev.parley.inbox;

import dev.parley.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Any setting of an inbox changed (Chatwoot's {@code inbox_updated} webhook). {@code changes} maps each changed
 * field (API names) to [before, after]; secrets (the HMAC token) are named but never carried.
 */
public record InboxUpdated(UUID eventId, Instant occurredAt, long accountId, long inboxId, Map<String, List<Object>> changes,
                           Actor causedBy) {
}
