package dev.parley.inbox;

import dev.parley.shared.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Auto-assignment settings of an inbox changed (before and after), e.g. a limit was raised. */
public record InboxSettingsChanged(UUID eventId, Instant occurredAt, long accountId, long inboxId,
                                   boolean autoAssignmentBefore, boolean autoAssignmentAfter,
                                   Map<String, Object> configBefore, Map<String, Object> configAfter, Actor causedBy) {
}
