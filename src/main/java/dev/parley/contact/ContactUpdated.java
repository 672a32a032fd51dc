package dev.parley.contact;

import dev.parley.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Contact fields changed: {@code changes} maps a field to [before, after]. */
public record ContactUpdated(UUID eventId, Instant occurredAt, long accountId, long contactId,
                             Map<String, List<Object>> changes, Actor causedBy) {
}
