package dev.parley.inbox;

import dev.parley.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Agents joined or left an inbox. */
public record InboxMembersChanged(UUID eventId, Instant occurredAt, long accountId, long inboxId, List<Long> added,
                                  List<Long> removed, Actor causedBy) {
}
