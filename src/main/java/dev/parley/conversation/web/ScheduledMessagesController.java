package dev.parley.conversation.web;

import dev.parley.account.Membership;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ScheduledMessageView;
import dev.parley.conversation.ScheduledMessages;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.Timestamps;
import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Parley's scheduled messages of a conversation: {@code content}, {@code private} and {@code scheduled_at} (unix
 * seconds or ISO-8601); edit and cancel until sent. Whoever may see the conversation may schedule in it.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/conversations/{displayId}/scheduled_messages")
class ScheduledMessagesController {

    private final ScheduledMessages scheduled;
    private final ConversationQueries conversations;

    ScheduledMessagesController(ScheduledMessages scheduled, ConversationQueries conversations) {
        this.scheduled = scheduled;
        this.conversations = conversations;
    }

    record ScheduleRequest(String content, @com.fasterxml.jackson.annotation.JsonProperty("private") Boolean isPrivate, Object scheduledAt) {
    }

    @GetMapping
    Map<String, Object> index(Membership me, @PathVariable long displayId) {
        conversations.visible(me, displayId);
        return Map.of("payload", scheduled.list(me.accountId(), displayId).stream().map(ScheduledMessagesController::json).toList());
    }

    @PostMapping
    ScheduledMessageJson create(Membership me, @PathVariable long displayId, @RequestBody ScheduleRequest body) {
        conversations.visible(me, displayId);
        return json(scheduled.schedule(me.accountId(), displayId, body.content(), Boolean.TRUE.equals(body.isPrivate()), at(body.scheduledAt()),
                me.actor()));
    }

    @PatchMapping("/{id}")
    ScheduledMessageJson update(Membership me, @PathVariable long displayId, @PathVariable long id, @RequestBody ScheduleRequest body) {
        conversations.visible(me, displayId);
        return json(scheduled.edit(me.accountId(), displayId, id, body.content(), body.isPrivate(),
                body.scheduledAt() == null ? null : at(body.scheduledAt()), me.actor()));
    }

    @DeleteMapping("/{id}")
    ScheduledMessageJson cancel(Membership me, @PathVariable long displayId, @PathVariable long id) {
        conversations.visible(me, displayId);
        return json(scheduled.cancel(me.accountId(), displayId, id, me.actor()));
    }

    private static Instant at(Object value) {
        if (value == null || "".equals(value)) return null;
        try {
            if (value instanceof Number n) return Instant.ofEpochSecond(n.longValue());
            String text = value.toString().trim();
            return text.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(text)) : Instant.parse(text);
        } catch (java.time.DateTimeException | NumberFormatException e) { // 1e309 or 10^20 seconds are out of Instant's range
            throw InvalidInput.of("scheduled_at", "must be unix seconds or an ISO-8601 time");
        }
    }

    /** A scheduled message (Chatwoot's shape for its scheduled messages, with Parley's outcome of the send). */
    record ScheduledMessageJson(long id, long conversationId, String content, @com.fasterxml.jackson.annotation.JsonProperty("private") boolean isPrivate,
                                Long scheduledAt, String status, Author author, Long messageId, Long createdAt, String outcome) {
    }

    /** Who scheduled it. */
    record Author(long id, String name) {
    }

    static ScheduledMessageJson json(ScheduledMessageView m) {
        return new ScheduledMessageJson(m.id(), m.conversationDisplayId(), m.content(), m.isPrivate(), Timestamps.unix(m.scheduledAt()),
                m.status(), m.authorId() == null ? null : new Author(m.authorId(), String.valueOf(m.authorName())), m.messageId(),
                Timestamps.unix(m.createdAt()), m.outcome());
    }
}
