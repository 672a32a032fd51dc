package dev.parley.realtime;

import dev.parley.presence.PresenceManagement;
import dev.parley.shared.Actor;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open dashboard streams, by account. Each event has an increasing id, so a browser that
 * reconnects with Last-Event-ID knows it missed something and refreshes in full.
 */
@Service
public class LiveStreams {

    /** One open stream of one agent. */
    record Stream(long accountId, long userId, SseEmitter emitter) {
    }

    private final Map<Long, Set<Stream>> byAccount = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis());
    private final PresenceManagement presence;

    LiveStreams(PresenceManagement presence) {
        this.presence = presence;
    }

    /** Opens a stream and tells the browser to re-read once, so nothing that happened before it connected is missed. */
    public SseEmitter open(long accountId, long userId, String lastEventId) {
        SseEmitter emitter = new SseEmitter(0L);
        Stream stream = new Stream(accountId, userId, emitter);
        byAccount.computeIfAbsent(accountId, a -> ConcurrentHashMap.newKeySet()).add(stream);
        emitter.onCompletion(() -> remove(stream));
        emitter.onTimeout(() -> remove(stream));
        emitter.onError(e -> remove(stream));
        try {
            emitter.send(SseEmitter.event().comment("connected")); // flushes the headers at once
            // whatever changed between rendering the page and opening this stream (or during a gap before a
            // reconnect with Last-Event-ID) is caught up by one re-read of the page's fragments
            emitter.send(event("changed", "resync"));
        } catch (IOException e) {
            remove(stream);
        }
        beat(stream);
        return emitter;
    }

    /** Tells every stream of the account that something changed. */
    public void changed(long accountId, String what) {
        for (Stream s : byAccount.getOrDefault(accountId, Set.of())) {
            try {
                s.emitter().send(event("changed", what));
            } catch (IOException | IllegalStateException e) {
                remove(s);
            }
        }
    }

    @Scheduled(fixedDelay = 15_000)
    void heartbeat() {
        byAccount.values().forEach(streams -> streams.forEach(s -> {
            try {
                s.emitter().send(SseEmitter.event().comment("heartbeat"));
                beat(s);
            } catch (IOException | IllegalStateException e) {
                remove(s);
            }
        }));
    }

    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        byAccount.values().forEach(streams -> streams.forEach(s -> s.emitter().complete()));
        byAccount.clear();
    }

    private void beat(Stream s) {
        try {
            presence.heartbeat(s.accountId(), s.userId(), Actor.user(s.userId(), "dashboard"));
        } catch (RuntimeException e) {
            // presence is best effort here; a stream is not refused because of it
        }
    }

    private SseEmitter.SseEventBuilder event(String name, String data) {
        return SseEmitter.event().id(Long.toString(sequence.incrementAndGet())).name(name).data(data);
    }

    private void remove(Stream s) {
        Set<Stream> streams = byAccount.get(s.accountId());
        if (streams != null) streams.remove(s);
    }
}
