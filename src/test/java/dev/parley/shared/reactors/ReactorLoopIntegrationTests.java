package dev.parley.shared.reactors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.shared.EventBacklogMetrics;
import dev.parley.shared.JsonCodec;
import dev.parley.support.IntegrationTest;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A reactor's loop on the real event log: events in order, once; nothing passed while an older transaction that
 * may still append is running; one node at a time per reactor; a failing event set aside and retried while the
 * events behind it go on. The loops here are driven by the test (no thread of their own), each under a fresh name.
 */
class ReactorLoopIntegrationTests extends IntegrationTest {

    /** A test event. */
    record Ping(String text) {
    }

    /** Writes what it handles in the batch's transaction, so a rolled-back batch leaves nothing. */
    static final class Recorder {
        final JdbcClient jdbc;
        final String reactor;
        volatile String failOn;
        volatile CountDownLatch holding;
        volatile CountDownLatch release;

        Recorder(JdbcClient jdbc, String reactor) {
            this.jdbc = jdbc;
            this.reactor = reactor;
        }

        @Reacts
        void on(Ping ping) throws InterruptedException {
            if (holding != null) {
                holding.countDown();
                release.await(20, TimeUnit.SECONDS);
            }
            jdbc.sql("INSERT INTO test_reactor_effects (reactor, text) VALUES (?, ?)").params(reactor, ping.text()).update();
            if (ping.text().equals(failOn)) throw new IllegalStateException("cannot handle " + ping.text());
        }
    }

    /** An event no test reactor takes. */
    record Pong(String text) {
    }

    /** Gathers a batch's pings and writes them in one row once the batch's events are all seen. */
    static final class BatchRecorder {
        final JdbcClient jdbc;
        final String reactor;
        final List<String> seen = new java.util.ArrayList<>();
        volatile boolean failAfterBatch;

        BatchRecorder(JdbcClient jdbc, String reactor) {
            this.jdbc = jdbc;
            this.reactor = reactor;
        }

        @Reacts
        void on(Ping ping) {
            seen.add(ping.text());
        }

        @AfterBatch
        void write() {
            try {
                jdbc.sql("INSERT INTO test_reactor_effects (reactor, text) VALUES (?, ?)").params(reactor, String.join(",", seen)).update();
                if (failAfterBatch) throw new IllegalStateException("cannot finish the batch");
            } finally {
                seen.clear();
            }
        }
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonCodec json;
    @Autowired
    EventBacklogMetrics metrics;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;

    private String name;
    private Recorder recorder;

    @BeforeEach
    void freshReactor() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS test_reactor_effects (reactor text, text text, at timestamptz DEFAULT clock_timestamp())").update();
        name = "test-" + UUID.randomUUID();
        recorder = new Recorder(jdbc, name);
        // start at the end of the log: only what this test appends
        jdbc.sql("INSERT INTO reactor_cursors (reactor, tx, id) SELECT ?, pg_current_xact_id(), coalesce(max(id), 0) FROM event_log").param(name).update();
    }

    @AfterEach
    void dropEffects() {
        jdbc.sql("DELETE FROM reactor_cursors WHERE reactor = ?").param(name).update();
        jdbc.sql("DELETE FROM reactor_failures WHERE reactor = ?").param(name).update();
        jdbc.sql("DROP TABLE IF EXISTS test_reactor_effects").update();
    }

    private ReactorLoop loop() {
        return new ReactorLoop(ReactorDefinition.of(name, false, recorder), jdbc, json, new DecodedEvents(), metrics,
                new ReactorSettings(200, Duration.ofMillis(20), Duration.ofMillis(250), true, 4), transactions);
    }

    /**
     * Polls until a batch is handled (20 s at most): a transaction of the shared test context that is still running
     * with an older id hides newer events for a moment, by design.
     */
    private static int pollUntilHandled(ReactorLoop loop) {
        return pollUntilHandled(loop, 1);
    }

    /** The same, until at least {@code events} are handled (a busy machine may cut a batch at its time limit). */
    private static int pollUntilHandled(ReactorLoop loop, int events) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int handled = 0;
        do {
            handled += loop.poll();
        } while (handled < events && System.nanoTime() < until);
        return handled;
    }

    private void appendPong(String text) {
        jdbc.sql("INSERT INTO event_log (event_type, payload) VALUES (?, ?)").params(Pong.class.getName(), json.write(new Pong(text))).update();
    }

    private void append(String text) {
        jdbc.sql("INSERT INTO event_log (event_type, payload) VALUES (?, ?)").params(Ping.class.getName(), json.write(new Ping(text))).update();
    }

    private List<String> handled() {
        return jdbc.sql("SELECT text FROM test_reactor_effects WHERE reactor = ? ORDER BY at").param(name).query(String.class).list();
    }

    @Test
    void handlesEveryEventOnceInOrderAndMovesItsCursor() {
        append("a");
        append("b");
        append("c");
        ReactorLoop loop = loop();
        assertThat(pollUntilHandled(loop, 3)).isEqualTo(3);
        assertThat(loop.poll()).isZero();
        assertThat(handled()).containsExactly("a", "b", "c");
        metrics.sample();
        assertThat(anonymous().get("/actuator/prometheus").expect(200).body()).contains("parley_events_backlog{reactor=\"" + name + "\"} 0");
    }

    @Test
    void neverPassesAnEventAnOlderTransactionMayStillAppend() throws Exception {
        try (Connection older = dataSource.getConnection()) {
            older.setAutoCommit(false);
            try (var statement = older.prepareStatement("INSERT INTO event_log (event_type, payload) VALUES (?, ?)")) {
                statement.setString(1, Ping.class.getName());
                statement.setString(2, json.write(new Ping("older")));
                statement.executeUpdate(); // this transaction has the lower id, and commits last
            }
            append("newer");
            ReactorLoop loop = loop();
            assertThat(loop.poll()).as("nothing passes while the older transaction runs").isZero();
            older.commit();
            assertThat(pollUntilHandled(loop, 2)).isEqualTo(2);
        }
        assertThat(handled()).containsExactly("older", "newer");
    }

    @Test
    void oneNodeAtATimeHandlesAReactor() throws Exception {
        append("only once");
        recorder.holding = new CountDownLatch(1);
        recorder.release = new CountDownLatch(1);
        ReactorLoop first = loop();
        ReactorLoop second = loop(); // another node: same reactor, same database
        CompletableFuture<Integer> busy = CompletableFuture.supplyAsync(() -> pollUntilHandled(first));
        assertThat(recorder.holding.await(20, TimeUnit.SECONDS)).isTrue();
        recorder.holding = null;
        assertThat(second.poll()).as("the other node skips while the batch is in hand").isZero();
        recorder.release.countDown();
        assertThat(busy.get(20, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.poll()).isZero();
        assertThat(handled()).containsExactly("only once");
    }

    @Test
    void aFailingEventIsSetAsideAndRetriedWhileTheOthersGoOn() {
        append("before");
        append("poison");
        append("after");
        recorder.failOn = "poison";
        ReactorLoop loop = loop();
        assertThat(pollUntilHandled(loop, 3)).isEqualTo(3);
        assertThat(handled()).as("the failed batch left nothing; done again one event at a time").containsExactly("before", "after");
        assertThat(jdbc.sql("SELECT attempts FROM reactor_failures WHERE reactor = ?").param(name).query(Integer.class).list()).containsExactly(1);

        recorder.failOn = null;
        jdbc.sql("UPDATE reactor_failures SET next_attempt_at = now() WHERE reactor = ?").param(name).update();
        loop.retryFailures();
        assertThat(handled()).containsExactly("before", "after", "poison");
        assertThat(jdbc.sql("SELECT count(*) FROM reactor_failures WHERE reactor = ?").param(name).query(Long.class).single()).isZero();
    }

    @Test
    void workABatchNeedsOnceIsDoneOnceAfterItsEventsAndWithTheCursorsMove() {
        append("a");
        appendPong("not taken");
        append("b");
        BatchRecorder batchRecorder = new BatchRecorder(jdbc, name);
        batchRecorder.failAfterBatch = true;
        ReactorLoop loop = new ReactorLoop(ReactorDefinition.of(name, false, batchRecorder), jdbc, json, new DecodedEvents(), metrics,
                new ReactorSettings(200, Duration.ofMillis(20), Duration.ofMillis(250), true, 4), transactions);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        RuntimeException failed = null;
        while (failed == null && System.nanoTime() < until) {
            try {
                assertThat(loop.poll()).as("the batch cannot be handled while its after-batch work fails").isZero();
            } catch (RuntimeException e) {
                failed = e;
            }
        }
        assertThat(failed).hasMessageContaining("cannot finish the batch");
        assertThat(handled()).as("the failed after-batch work rolled back with the batch").isEmpty();

        batchRecorder.failAfterBatch = false;
        int handled = 0;
        int batches = 0;
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (handled < 3 && System.nanoTime() < until) {
            int n = loop.poll();
            handled += n;
            if (n > 0) batches++;
        }
        assertThat(handled).as("the event no method takes counts as passed").isEqualTo(3);
        assertThat(loop.poll()).isZero();
        assertThat(String.join(",", handled())).isEqualTo("a,b");
        assertThat(handled()).as("once per batch (the machine may show the events to two polls), not once per event")
                .hasSizeBetween(1, Math.min(2, batches));
    }
}
