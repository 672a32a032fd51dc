package dev.parley.contact;

import dev.parley.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** A contact was created. */
public record ContactCreated(UUID eventId, Instant occurredAt, long accountId, long contactId, Actor causedBy) {
}
