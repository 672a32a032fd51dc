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
    private final Map<Long, AtomicLong> versions = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis());
    /** Versions count pushes this node received; a page rendered on another node cannot compare, so it re-reads. */
    private final String node = Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private final PresenceManagement presence;

    LiveStreams(PresenceManagement presence) {
        this.presence = presence;
    }

    /** How many changes the account has seen on this node (pages render it, so their stream knows what they missed). */
    public long version(long accountId) {
        return versions.computeIfAbsent(accountId, a -> new AtomicLong()).get();
    }

    /** The version a page is rendered at, with this node's name: "node-version". */
    public String mark(long accountId) {
        return node + "-" + version(accountId);
    }

    /** Whether something may have changed since a page was rendered at {@code mark} (always, for another node's mark). */
    boolean changedSince(long accountId, String mark) {
        if (mark == null || mark.isBlank()) return false;
        String prefix = node + "-";
        if (!mark.startsWith(prefix)) return true;
        try {
            return version(accountId) > Long.parseLong(mark.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /**
     * Opens a stream. The browser is told to re-read its fragments at once when something changed since
     * the page was rendered ({@code since}, the {@link #mark} the page was rendered at) or when it reconnects
     * after a gap (Last-Event-ID), so nothing is missed and nothing is re-read for no reason.
     */
    public SseEmitter open(long accountId, long userId, String lastEventId, String since) {
        SseEmitter emitter = new SseEmitter(0L);
        Stream stream = new Stream(accountId, userId, emitter);
        byAccount.computeIfAbsent(accountId, a -> ConcurrentHashMap.newKeySet()).add(stream);
        emitter.onCompletion(() -> remove(stream));
        emitter.onTimeout(() -> remove(stream));
        emitter.onError(e -> remove(stream));
        try {
            emitter.send(SseEmitter.event().comment("connected")); // flushes the headers at once
            boolean resuming = lastEventId != null && !lastEventId.isBlank();
            boolean missedSomething = changedSince(accountId, since);
            if (resuming || missedSomething) emitter.send(event("changed", "resync"));
        } catch (IOException e) {
            remove(stream);
        }
        beat(stream);
        return emitter;
    }

    /** Tells every stream of the account that something changed. */
    public void changed(long accountId, String what) {
        versions.computeIfAbsent(accountId, a -> new AtomicLong()).incrementAndGet();
        for (Stream s : byAccount.getOrDefault(accountId, Set.of())) {
            try {
                s.emitter().send(event("changed", what));
            } catch (IOException | IllegalStateException e) {
                remove(s);
            }
        }
    }

    /**
     * Sends a named, passing signal (e.g. "someone is typing") to the account's streams, except those of
     * {@code exceptUserId}. Signals are not changes: the version stays, and a reconnect does not replay them.
     */
    public void signal(long accountId, Long exceptUserId, String name, String data) {
        send(accountId, s -> exceptUserId == null || s.userId() != exceptUserId, name, data);
    }

    /** Sends a named signal to one agent's streams only (e.g. "your availability changed"). */
    public void signalUser(long accountId, long userId, String name, String data) {
        send(accountId, s -> s.userId() == userId, name, data);
    }

    private void send(long accountId, java.util.function.Predicate<Stream> to, String name, String data) {
        for (Stream s : byAccount.getOrDefault(accountId, Set.of())) {
            if (!to.test(s)) continue;
            try {
                s.emitter().send(SseEmitter.event().name(name).data(data));
            } catch (IOException | IllegalStateException e) {
                remove(s);
            }
        }
    }

    /** Every open page re-reads in full (after this node may have missed pushes). */
    public void resyncAll() {
        byAccount.keySet().forEach(accountId -> changed(accountId, "resync"));
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
