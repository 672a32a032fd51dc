package dev.parley.widget.web;

import dev.parley.account.AccountQueries;
import dev.parley.conversation.ConversationQueries;
import dev.parley.realtime.LiveTopics;
import dev.parley.shared.JsonCodec;
import dev.parley.widget.application.StreamEventsListener;
import dev.parley.widget.application.Visitor;
import dev.parley.widget.application.WaitingLine;
import dev.parley.widget.persistence.StreamEventRepository;
import dev.parley.widget.persistence.StreamEventRepository.StreamEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's open visitor streams. Each stream knows the last event number it sent; whenever its visitor may have
 * new events (a hint from any node, or the heartbeat's check of all streams at once) it reads what follows from
 * PostgreSQL and sends it in order, one sender at a time per stream, so nothing is sent twice or skipped.
 */
@Component
class VisitorStreams {

    private static final Logger log = LoggerFactory.getLogger(VisitorStreams.class);
    private static final int BATCH = 200;

    /** One open stream (one browser tab). */
    static final class Stream {
        final Visitor visitor;
        final SseEmitter emitter;
        long lastSeq;
        Integer queuePosition;

        Stream(Visitor visitor, SseEmitter emitter, long lastSeq) {
            this.visitor = visitor;
            this.emitter = emitter;
            this.lastSeq = lastSeq;
        }
    }

    private final Map<Long, Set<Stream>> byVisitor = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "widget-stream-sender");
        t.setDaemon(true);
        return t;
    });
    private final StreamEventRepository events;
    private final ConversationQueries conversations;
    private final AccountQueries accounts;
    private final WidgetPresenter presenter;
    private final WaitingLine waitingLine;
    private final JsonCodec json;
    private final JsonMapper apiJson;
    private final Duration timeout;

    VisitorStreams(StreamEventRepository events, ConversationQueries conversations, AccountQueries accounts, WidgetPresenter presenter,
                   WaitingLine waitingLine, JsonCodec json, JsonMapper apiJson, LiveTopics topics,
                   @Value("${parley.widget.stream-timeout:PT30M}") Duration timeout) {
        this.events = events;
        this.conversations = conversations;
        this.accounts = accounts;
        this.presenter = presenter;
        this.waitingLine = waitingLine;
        this.json = json;
        this.apiJson = apiJson;
        this.timeout = timeout;
        topics.subscribe(StreamEventsListener.STORED, this::onStored);
        topics.subscribe(StreamEventsListener.LIVE, this::onLive);
    }

    /** Opens a stream that first sends every event after {@code afterSeq} (null: only what comes from now on). */
    SseEmitter open(Visitor visitor, Long afterSeq) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        long start = afterSeq != null ? afterSeq : events.head(visitor.contactInbox().id());
        Stream stream = new Stream(visitor, emitter, start);
        long ci = visitor.contactInbox().id();
        byVisitor.computeIfAbsent(ci, k -> ConcurrentHashMap.newKeySet()).add(stream);
        Runnable remove = () -> {
            Set<Stream> set = byVisitor.get(ci);
            if (set != null) {
                set.remove(stream);
                if (set.isEmpty()) byVisitor.remove(ci, set);
            }
        };
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().comment("connected")); // flushes the headers at once
            emitter.send(SseEmitter.event().name("queue.position").data(payload(waitingLine.of(visitor))));
        } catch (IOException e) {
            remove.run();
        }
        senders.execute(() -> catchUp(stream));
        return emitter;
    }

    int open() {
        return byVisitor.values().stream().mapToInt(Set::size).sum();
    }

    private void onStored(String data) {
        int colon = data.indexOf(':');
        long ci = Long.parseLong(colon < 0 ? data : data.substring(0, colon));
        Set<Stream> streams = byVisitor.get(ci);
        if (streams == null) return;
        streams.forEach(s -> senders.execute(() -> catchUp(s)));
    }

    private void onLive(String data) {
        Map<String, Object> message = json.readMap(data);
        long ci = ((Number) message.get("ci")).longValue();
        Set<Stream> streams = byVisitor.get(ci);
        if (streams == null) return;
        String payload = payload(message.get("data"));
        String name = String.valueOf(message.get("event"));
        for (Stream s : streams) {
            synchronized (s) {
                send(s, SseEmitter.event().name(name).data(payload));
            }
        }
    }

    /** Sends what the stream has not sent yet, in order; safe to call from several threads. */
    private void catchUp(Stream stream) {
        synchronized (stream) {
            try {
                List<StreamEvent> page;
                do {
                    page = events.after(stream.visitor.contactInbox().id(), stream.lastSeq, BATCH);
                    for (StreamEvent e : page) {
                        Object data = render(stream, e);
                        if (data != null && !send(stream, SseEmitter.event().id(Long.toString(e.seq())).name(e.name()).data(payload(data)))) {
                            return;
                        }
                        stream.lastSeq = e.seq();
                    }
                } while (page.size() == BATCH);
            } catch (RuntimeException e) {
                log.warn("Widget stream of contact inbox {} could not catch up: {}", stream.visitor.contactInbox().id(), e.getMessage());
            }
        }
    }

    private Object render(Stream stream, StreamEvent e) {
        switch (e.name()) {
            case "message.created", "message.updated" -> {
                var c = conversations.findById(e.conversationId()).orElse(null);
                var m = c == null || e.messageId() == null ? null : conversations.message(c.id(), e.messageId()).orElse(null);
                return m == null ? null : presenter.message(m, c);
            }
            case "assignee.changed" -> {
                var data = new LinkedHashMap<String, Object>();
                data.put("id", e.data().get("id"));
                Object assignee = e.data().get("assignee_id") instanceof Number n
                        ? accounts.agent(stream.visitor.accountId(), n.longValue()).map(WidgetPresenter::agent).orElse(null) : null;
                data.put("assignee", assignee);
                return data;
            }
            default -> {
                return e.data();
            }
        }
    }

    /** Event data as the API writes JSON (Chatwoot's snake_case names). */
    private String payload(Object data) {
        return apiJson.writeValueAsString(data);
    }

    private boolean send(Stream stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException e) {
            stream.emitter.completeWithError(e);
            return false;
        }
    }

    /**
     * Every 15 s: a comment on every open stream (keeps proxies from closing it), the queue position of waiting
     * visitors, and one query for all streams' heads, which repairs any hint that was lost between nodes.
     */
    @Scheduled(fixedDelayString = "${parley.widget.heartbeat:PT15S}")
    void heartbeat() {
        if (byVisitor.isEmpty()) return;
        Map<Long, Long> heads = events.heads(List.copyOf(byVisitor.keySet()));
        Map<Long, Map<Long, Integer>> lines = new java.util.HashMap<>();
        byVisitor.forEach((ci, streams) -> {
            long head = heads.getOrDefault(ci, 0L);
            for (Stream s : streams) {
                Integer position = lines.computeIfAbsent(s.visitor.inbox().id(), this::positions).get(ci);
                synchronized (s) {
                    send(s, SseEmitter.event().comment("ping"));
                    if (!java.util.Objects.equals(position, s.queuePosition)) {
                        var queue = new LinkedHashMap<String, Object>();
                        queue.put("waiting", position != null);
                        queue.put("position", position);
                        send(s, SseEmitter.event().name("queue.position").data(payload(queue)));
                        s.queuePosition = position;
                    }
                }
                if (s.lastSeq < head) senders.execute(() -> catchUp(s));
            }
        });
    }

    /** Each waiting visitor's place in the inbox's line (one query per inbox with open streams). */
    private Map<Long, Integer> positions(long inboxId) {
        var line = conversations.waiting(inboxId, true, 500, 0);
        var positions = new java.util.HashMap<Long, Integer>();
        for (int i = 0; i < line.size(); i++) {
            if (line.get(i).contactInboxId() != null) positions.putIfAbsent(line.get(i).contactInboxId(), i + 1);
        }
        return positions;
    }

    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        byVisitor.values().forEach(streams -> streams.forEach(s -> s.emitter.complete()));
        byVisitor.clear();
        senders.shutdownNow();
    }
}
