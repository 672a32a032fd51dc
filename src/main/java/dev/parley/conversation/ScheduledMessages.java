package dev.parley.conversation;

import dev.parley.shared.Actor;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import dev.parley.shared.timers.TimerKey;
import dev.parley.shared.timers.TimerView;
import dev.parley.shared.timers.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduled messages: an agent writes a reply or a note now for a later time; until it is sent it can be edited
 * or cancelled. Each is a durable timer (kind {@value #KIND}) whose payload is the message; the timer fires it
 * once, posting the message as its author in the timer's transaction (see {@code ScheduledMessageSender}).
 */
@Service
@Transactional
public class ScheduledMessages {

    public static final String KIND = "scheduled_message";
    private static final Duration LONGEST = Duration.ofDays(366);

    private final Timers timers;
    private final ConversationQueries conversations;
    private final Clock clock;

    ScheduledMessages(Timers timers, ConversationQueries conversations, Clock clock) {
        this.timers = timers;
        this.conversations = conversations;
        this.clock = clock;
    }

    public ScheduledMessageView schedule(long accountId, long displayId, String content, boolean isPrivate, Instant at, Actor author) {
        ConversationView c = conversation(accountId, displayId);
        check(content, at);
        Map<String, Object> payload = payload(content, isPrivate, author);
        TimerKey key = new TimerKey(KIND, "message:" + UUID.randomUUID());
        timers.arm(key, "user:" + author.id(), accountId, c.id(), at, payload, author.displayName());
        return view(timers.live(key).orElseThrow(), displayId);
    }

    @Transactional(readOnly = true)
    public List<ScheduledMessageView> list(long accountId, long displayId) {
        ConversationView c = conversation(accountId, displayId);
        return timers.ofConversation(c.id(), KIND, 200).stream().map(t -> view(t, displayId))
                .sorted(java.util.Comparator.comparing(ScheduledMessageView::id)).toList();
    }

    /** Changes what is given (null leaves it); 422 once the message is no longer scheduled. */
    public ScheduledMessageView edit(long accountId, long displayId, long id, String content, Boolean isPrivate, Instant at, Actor actor) {
        TimerView t = find(accountId, displayId, id);
        Map<String, Object> payload = new LinkedHashMap<>(t.payload());
        if (content != null) payload.put("content", content);
        if (isPrivate != null) payload.put("private", isPrivate);
        Instant due = at != null ? at : t.dueAt();
        check((String) payload.get("content"), due);
        if (!timers.move(id, due, payload, actor.displayName())) throw InvalidInput.of("status", "is " + view(t, displayId).status() + ": it can no longer be changed");
        return view(find(accountId, displayId, id), displayId);
    }

    public ScheduledMessageView cancel(long accountId, long displayId, long id, Actor actor) {
        TimerView t = find(accountId, displayId, id);
        if (!timers.cancel(id, "cancelled by " + actor.displayName())) {
            throw InvalidInput.of("status", "is " + view(t, displayId).status() + ": it can no longer be cancelled");
        }
        return view(find(accountId, displayId, id), displayId);
    }

    private void check(String content, Instant at) {
        var errors = new Errors().requireText("content", content);
        if (at == null) errors.add("scheduled_at", "can't be blank");
        else if (!at.isAfter(clock.instant())) errors.add("scheduled_at", "must be in the future");
        else if (at.isAfter(clock.instant().plus(LONGEST))) errors.add("scheduled_at", "must be within a year");
        errors.throwIfAny();
    }

    private TimerView find(long accountId, long displayId, long id) {
        ConversationView c = conversation(accountId, displayId);
        return timers.find(accountId, id).filter(t -> KIND.equals(t.kind()) && Long.valueOf(c.id()).equals(t.conversationId()))
                .orElseThrow(() -> new ResourceNotFound("Scheduled message"));
    }

    private ConversationView conversation(long accountId, long displayId) {
        return conversations.find(accountId, displayId).orElseThrow(() -> new ResourceNotFound("Conversation"));
    }

    private static Map<String, Object> payload(String content, boolean isPrivate, Actor author) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("content", content);
        payload.put("private", isPrivate);
        payload.put("author_id", author.id());
        payload.put("author_name", author.name());
        return payload;
    }

    private static ScheduledMessageView view(TimerView t, long displayId) {
        String status = switch (t.state()) {
            case "armed" -> "scheduled";
            case "firing" -> "sending";
            case "fired" -> "sent";
            default -> t.state();
        };
        Long messageId = t.outcome() != null && t.outcome().startsWith("sent as message ") ? Long.valueOf(t.outcome().substring(16)) : null;
        Object author = t.payload().get("author_id");
        return new ScheduledMessageView(t.id(), displayId, (String) t.payload().get("content"), Boolean.TRUE.equals(t.payload().get("private")),
                t.dueAt(), status, author instanceof Number n ? n.longValue() : null, (String) t.payload().get("author_name"), messageId, t.armedAt(),
                t.outcome() != null ? t.outcome() : t.endedBy());
    }
}
