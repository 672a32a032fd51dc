package dev.parley.widget.application;

import dev.parley.conversation.ConversationAssigneeChanged;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationSeen;
import dev.parley.conversation.ConversationStatusChanged;
import dev.parley.conversation.ConversationTypingChanged;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageCreated;
import dev.parley.conversation.MessageType;
import dev.parley.conversation.MessageUpdated;
import dev.parley.realtime.LiveTopics;
import dev.parley.shared.JsonCodec;
import dev.parley.widget.persistence.StreamEventRepository;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes what a visitor must see into their stream, in the transaction of the change itself (so an agent's reply and
 * its stream event commit together, or neither does), then tells every node after the commit ({@link LiveTopics}).
 * Only conversations of website widget inboxes; never private notes or activity lines. Typing is passed on live,
 * not stored: a replay has no use for it.
 */
@Component
public class StreamEventsListener {

    /** The topic of stored events ("contactInboxId"), and of live-only ones (JSON: {ci, event, data}). */
    public static final String STORED = "widget-stream";
    public static final String LIVE = "widget-live";

    private final ConversationQueries conversations;
    private final WidgetInboxes widgetInboxes;
    private final StreamEventRepository events;
    private final LiveTopics topics;
    private final JsonCodec json;

    StreamEventsListener(ConversationQueries conversations, WidgetInboxes widgetInboxes, StreamEventRepository events, LiveTopics topics,
                         JsonCodec json) {
        this.conversations = conversations;
        this.widgetInboxes = widgetInboxes;
        this.events = events;
        this.topics = topics;
        this.json = json;
    }

    @EventListener
    void on(MessageCreated e) {
        if (e.isPrivate() || e.messageType() == MessageType.ACTIVITY) return;
        append(e.conversationId(), e.inboxId(), "message.created", e.messageId(), Map.of());
    }

    @EventListener
    void on(MessageUpdated e) {
        conversations.message(e.conversationId(), e.messageId())
                .filter(m -> !m.isPrivate() && m.messageType() != MessageType.ACTIVITY)
                .ifPresent(m -> append(e.conversationId(), e.inboxId(), "message.updated", e.messageId(), Map.of()));
    }

    @EventListener
    void on(ConversationStatusChanged e) {
        append(e.conversationId(), e.inboxId(), "conversation.status_changed", null, Map.of("id", e.displayId(), "status", e.to().apiName()));
    }

    @EventListener
    void on(ConversationAssigneeChanged e) {
        var data = new HashMap<String, Object>();
        data.put("id", e.displayId());
        data.put("assignee_id", e.to());
        append(e.conversationId(), e.inboxId(), "assignee.changed", null, data);
    }

    /** An agent looked at the conversation: the visitor's widget shows their messages as read. */
    @EventListener
    void on(ConversationSeen e) {
        if (e.byContact()) return;
        append(e.conversationId(), e.inboxId(), "conversation.read", null,
                Map.of("id", e.displayId(), "agent_last_seen_at", e.seenAt().getEpochSecond()));
    }

    /** An agent typing a public reply: live to the visitor's open widgets, not stored. */
    @EventListener
    void on(ConversationTypingChanged e) {
        if (e.isPrivate() || !e.causedBy().isUser() || !widgetInboxes.isWidget(e.inboxId())) return;
        conversations.findById(e.conversationId()).filter(c -> c.contactInboxId() != null).ifPresent(c -> {
            var data = new LinkedHashMap<String, Object>();
            data.put("id", e.displayId());
            data.put("user", Map.of("name", String.valueOf(e.causedBy().name()), "type", "user"));
            topics.publish(LIVE, json.write(Map.of("ci", c.contactInboxId(), "event",
                    e.typing() ? "conversation.typing_on" : "conversation.typing_off", "data", data)));
        });
    }

    private void append(long conversationId, long inboxId, String name, Long messageId, Map<String, Object> data) {
        if (!widgetInboxes.isWidget(inboxId)) return;
        ConversationView c = conversations.findById(conversationId).orElse(null);
        if (c == null || c.contactInboxId() == null) return;
        var stored = new LinkedHashMap<>(data);
        stored.putIfAbsent("conversation_id", c.displayId());
        long seq = events.append(c.contactInboxId(), name, conversationId, messageId, stored);
        topics.publish(STORED, c.contactInboxId() + ":" + seq);
    }
}
