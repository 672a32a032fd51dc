package dev.parley.automation.application;

import dev.parley.automation.domain.MessageFacts;
import dev.parley.shared.Actor;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A conversation event in automation's terms: Chatwoot's event name, the change map, the triggering message (its id,
 * and its facts when the event carried them; without them the snapshot reads the message).
 */
public record TriggeringEvent(UUID eventId, String eventName, long accountId, long conversationId, long displayId,
                              Map<String, List<Object>> changes, Long messageId, Actor causedBy, MessageFacts message) {

    public TriggeringEvent(UUID eventId, String eventName, long accountId, long conversationId, long displayId,
                           Map<String, List<Object>> changes, Long messageId, Actor causedBy) {
        this(eventId, eventName, accountId, conversationId, displayId, changes, messageId, causedBy, null);
    }
}
