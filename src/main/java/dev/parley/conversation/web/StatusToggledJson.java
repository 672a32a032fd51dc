package dev.parley.conversation.web;

import dev.parley.conversation.ConversationView;
import dev.parley.shared.Timestamps;
import java.util.Map;

/** Chatwoot's answer to {@code toggle_status}: {@code {meta: {}, payload: {success, conversation_id, current_status, snoozed_until}}}. */
record StatusToggledJson(Map<String, Object> meta, Payload payload) {

    record Payload(boolean success, long conversationId, String currentStatus, Long snoozedUntil) {
    }

    static StatusToggledJson of(ConversationView c) {
        return new StatusToggledJson(Map.of(), new Payload(true, c.displayId(), c.status().apiName(), Timestamps.unix(c.snoozedUntil())));
    }
}
