package dev.parley.shared.reactors;

import dev.parley.shared.EventBacklogMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import dev.parley.shared.JsonCodec;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One reactor's thread: takes the next batch of the event log past the reactor's cursor, hands each event to the
 * reactor, and advances the cursor, all in one transaction holding the reactor's advisory lock (so one node at a
 * time, and a crash anywhere leaves the cursor where the last committed batch put it). Should an event fail, the
 * batch is rolled back and done again one event per savepoint; the failing event goes to {@code reactor_failures}
 * and is retried with backoff, while the events behind it go on.
 */
final class ReactorLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ReactorLoop.class);
    private static final int LOCK_CLASS = 0x5e4c;
    private static final Duration FAILURE_CHECK = Duration.ofSeconds(10);
    private static final Duration MAX_WRITING_BATCH = Duration.ofMillis(250);

    private final ReactorDefinition reactor;
    private final JdbcClient jdbc;
    private final JsonCodec serializer;
    private final DecodedEvents decoded;
    private final EventBacklogMetrics metrics;
    private final ReactorSettings settings;
    private final TransactionTemplate batch;
    private final TransactionTemplate savepoint;
    private final TransactionTemplate outside;
    private final Semaphore wake = new Semaphore(0);
    private final java.util.concurrent.ExecutorService workers;
    private volatile boolean running = true;
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    private Instant nextFailureCheck = Instant.now();
    /** The last batch stopped at its time limit: more events are waiting. */
    private boolean cut;
    /** The batch in hand had events the reactor takes (so its {@link AfterBatch} work is due). */
    private boolean taken;

    record Row(long id, String tx, String type, String payload, Instant publishedAt) {
    }

    ReactorLoop(ReactorDefinition reactor, JdbcClient jdbc, JsonCodec serializer, DecodedEvents decoded, EventBacklogMetrics metrics,
                ReactorSettings settings, PlatformTransactionManager transactions) {
        this.reactor = reactor;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.decoded = decoded;
        this.metrics = metrics;
        this.settings = settings;
        this.batch = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        var counter = new java.util.concurrent.atomic.AtomicInteger();
        this.workers = java.util.concurrent.Executors.newFixedThreadPool(settings.parallelism(), task -> {
            Thread t = new Thread(task, "reactor-" + reactor.name() + "-" + counter.incrementAndGet()); // reactor- threads: the reactors' pool
            t.setDaemon(true);
            return t;
        });
    }

    String name() {
        return reactor.name();
    }

    void wake() {
        if (wake.availablePermits() == 0) wake.release();
    }

    void stop() {
        running = false;
        wake.release();
    }

    /** Waits for the batch in hand to finish (20 s at most). */
    void awaitStopped() {
        try {
            if (!stopped.await(20, TimeUnit.SECONDS)) log.warn("Reactor {}: batch still running at shutdown; it is done again on the next start", name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        try {
            loop();
        } finally {
            stopped.countDown();
        }
    }

    private void loop() {
        try {
            loopUntilStopped();
        } finally {
            workers.shutdown();
        }
    }

    private void loopUntilStopped() {
        while (running) {
            int handled = 0;
            try {
                handled = poll();
                if (Instant.now().isAfter(nextFailureCheck)) retryFailures();
            } catch (RuntimeException e) {
                if (!running) return;
                log.warn("Reactor {}: batch not handled ({}); trying again", reactor.name(), e.toString());
                pause(Duration.ofSeconds(1));
            }
            if (handled >= settings.batchSize() || cut || !running) continue;
            // let the next events gather into one batch, then wait for this node to append more (or another node: poll)
            if (handled > 0) pause(settings.batchInterval());
            try {
                if (wake.tryAcquire(settings.idleInterval().toMillis(), TimeUnit.MILLISECONDS)) wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Handles the next batch; the number of events it held. */
    int poll() {
        try {
            return handleBatch(false);
        } catch (RuntimeException e) {
            if (reactor.ownTransactions()) throw e;
            log.info("Reactor {}: a batch failed ({}); handling it one event at a time", reactor.name(), e.toString());
            return handleBatch(true);
        }
    }

    private int handleBatch(boolean oneByOne) {
        cut = false;
        Integer handled = batch.execute(status -> {
            if (!lock()) return 0;
            List<Row> rows = next();
            taken = false;
            if (reactor.ownTransactions()) {
                taken = inParallel(rows);
            } else {
                // a batch that writes holds a transaction id, which keeps every reactor from reading past it until it
                // commits: so it commits after MAX_WRITING_BATCH at the latest, with the events handled so far
                long deadline = System.nanoTime() + MAX_WRITING_BATCH.toNanos();
                int done = 0;
                for (Row row : rows) {
                    done++;
                    if (!takes(row)) continue; // not decoded: the cursor just moves past it
                    taken = true;
                    metrics.handled(reactor.name(), row.publishedAt());
                    if (oneByOne) guarded(row, savepoint);
                    else reactor.dispatch(event(row));
                    if (System.nanoTime() > deadline) break;
                }
                cut = done < rows.size();
                rows = rows.subList(0, done);
            }
            if (!rows.isEmpty()) {
                if (taken) afterBatch();
                advance(rows.get(rows.size() - 1));
            }
            return rows.size();
        });
        return handled == null ? 0 : handled;
    }

    /** Whether the reactor has a method for the row's event type (an unknown type counts as taken: it fails as it did). */
    private boolean takes(Row row) {
        try {
            return reactor.accepts(eventType(row.type()));
        } catch (RuntimeException e) {
            return true;
        }
    }

    /**
     * A reactor with its own transactions handles a batch on several threads, one conversation's events on one
     * thread in their order (events of no conversation all on one): a single thread would wait on the database for
     * every event in turn. Each event is decoded once, and only if the reactor takes its type.
     */
    private boolean inParallel(List<Row> rows) {
        record Decoded(Row row, Object event) {
        }
        var groups = new java.util.LinkedHashMap<Object, List<Decoded>>();
        for (Row row : rows) {
            if (!takes(row)) continue;
            Object event = decoded(row);
            groups.computeIfAbsent(ReactorDefinition.conversationOf(event), k -> new java.util.ArrayList<>()).add(new Decoded(row, event));
        }
        if (groups.isEmpty()) return false;
        if (!reactor.beforeBatchMethods().isEmpty()) {
            List<Object> events = groups.values().stream().flatMap(List::stream).map(Decoded::event).filter(java.util.Objects::nonNull).toList();
            outside.executeWithoutResult(s -> reactor.beforeBatch(events));
        }
        if (groups.size() == 1) { // nothing to spread: on this thread
            groups.values().iterator().next().forEach(d -> {
                metrics.handled(reactor.name(), d.row().publishedAt());
                guarded(d.row(), d.event(), outside);
            });
            return true;
        }
        var work = groups.values().stream().map(group -> java.util.concurrent.CompletableFuture.runAsync(() -> group.forEach(d -> {
            metrics.handled(reactor.name(), d.row().publishedAt());
            guarded(d.row(), d.event(), outside);
        }), workers)).toList();
        work.forEach(java.util.concurrent.CompletableFuture::join);
        return true;
    }

    /**
     * The reactor's once-a-batch work: in the batch's transaction, or outside it for a reactor with its own transactions
     * (but for its methods marked {@link AfterBatch#inBatchTransaction()}, which run first, in the batch's).
     */
    private void afterBatch() {
        if (reactor.ownTransactions()) {
            reactor.afterBatch(true);
            outside.executeWithoutResult(s -> reactor.afterBatch(false));
        } else {
            reactor.afterBatch();
        }
    }

    private Object decoded(Row row) {
        try {
            return event(row);
        } catch (RuntimeException e) {
            return null; // guarded() records it when the row is handled
        }
    }

    private boolean lock() {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?, hashtext(?))").params(LOCK_CLASS, reactor.name())
                .query(Boolean.class).single());
    }

    /**
     * The next rows past the cursor (read after the lock is held, so it is the cursor the last batch committed), of
     * transactions older than every running one only: none of those can still appear behind the cursor.
     */
    private List<Row> next() {
        record Cursor(String tx, long id) {
        }
        Cursor cursor = jdbc.sql("SELECT tx::text AS tx, id FROM reactor_cursors WHERE reactor = ?").param(reactor.name())
                .query((rs, i) -> new Cursor(rs.getString("tx"), rs.getLong("id"))).optional().orElse(null);
        if (cursor == null) return List.of();
        return jdbc.sql("""
                SELECT id, tx::text AS tx, event_type, payload, published_at FROM event_log
                WHERE (tx, id) > (?::xid8, ?) AND tx < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY tx, id LIMIT ?""")
                .params(cursor.tx(), cursor.id(), settings.batchSize())
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getString("tx"), rs.getString("event_type"), rs.getString("payload"),
                        rs.getTimestamp("published_at").toInstant())).list();
    }

    private void advance(Row last) {
        jdbc.sql("UPDATE reactor_cursors SET tx = ?::xid8, id = ?, updated_at = now() WHERE reactor = ?")
                .params(last.tx(), last.id(), reactor.name()).update();
    }

    /** The row's event, decoded by whichever of this node's reactors met it first. */
    private Object event(Row row) {
        return decoded.get(row.id(), row.type(), row.payload(), () -> serializer.read(row.payload(), eventType(row.type())));
    }

    /** Event types by name, looked up once (not a class loader call per event and reactor). */
    private static final java.util.Map<String, Class<?>> EVENT_TYPES = new java.util.concurrent.ConcurrentHashMap<>();

    private static Class<?> eventType(String name) {
        Class<?> known = EVENT_TYPES.get(name);
        if (known != null) return known;
        try {
            Class<?> type = Class.forName(name);
            EVENT_TYPES.put(name, type);
            return type;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("unknown event type " + name, e);
        }
    }

    /** Handles one event apart (its own savepoint, or outside the batch's transaction); a failure is recorded for a retry. */
    private boolean guarded(Row row, TransactionTemplate scope) {
        return guarded(row, null, scope);
    }

    /** As {@link #guarded(Row, TransactionTemplate)}, with the event already decoded (null: decode it here). */
    private boolean guarded(Row row, Object decoded, TransactionTemplate scope) {
        try {
            scope.executeWithoutResult(s -> reactor.dispatch(decoded != null ? decoded : event(row)));
            return true;
        } catch (RuntimeException e) {
            log.warn("Reactor {}: event {} ({}) failed; it will be retried", reactor.name(), row.id(), row.type(), e);
            jdbc.sql("""
                    INSERT INTO reactor_failures (reactor, event_id, event_type, payload, error, next_attempt_at)
                    VALUES (?, ?, ?, ?, ?, now() + interval '10 seconds')
                    ON CONFLICT (reactor, event_id) DO UPDATE SET attempts = reactor_failures.attempts + 1, error = excluded.error,
                        next_attempt_at = now() + least(3600, 10 * power(2, reactor_failures.attempts)) * interval '1 second'""")
                    .params(reactor.name(), row.id(), row.type(), row.payload(), String.valueOf(e)).update();
            return false;
        }
    }

    /** Failed events whose time has come, each once more; done ones leave the table, the others wait longer. */
    void retryFailures() {
        nextFailureCheck = Instant.now().plus(FAILURE_CHECK);
        batch.executeWithoutResult(status -> {
            List<Row> due = jdbc.sql("""
                    SELECT event_id, event_type, payload, failed_at FROM reactor_failures
                    WHERE reactor = ? AND next_attempt_at <= now() ORDER BY event_id LIMIT 50 FOR UPDATE SKIP LOCKED""")
                    .param(reactor.name())
                    .query((rs, i) -> new Row(rs.getLong("event_id"), null, rs.getString("event_type"), rs.getString("payload"),
                            rs.getTimestamp("failed_at").toInstant())).list();
            for (Row row : due) {
                if (guarded(row, reactor.ownTransactions() ? outside : savepoint)) {
                    jdbc.sql("DELETE FROM reactor_failures WHERE reactor = ? AND event_id = ?").params(reactor.name(), row.id()).update();
                }
            }
            if (!due.isEmpty()) afterBatch();
        });
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
