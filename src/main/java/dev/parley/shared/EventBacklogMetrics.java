package dev.parley.shared;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What a team watches to know the reactors keep pace. Read from the event log every few seconds (one small query
 * per node, not one per event): {@code parley_events_backlog{reactor}} (events past the reactor's cursor, not yet
 * handled), {@code parley_events_oldest_age_seconds{reactor}} (age of the oldest of them) and
 * {@code parley_events_failed{reactor}} (events whose handling failed, waiting for a retry); recorded by the
 * reactors as they go: {@code parley_events_handling_delay_seconds{reactor}} (an event's age when its reactor takes it).
 */
@Component
public class EventBacklogMetrics {

    private final JdbcClient jdbc;
    private final MeterRegistry registry;
    private final MultiGauge backlog;
    private final MultiGauge oldestAge;
    private final MultiGauge failed;
    private final ConcurrentHashMap<String, DistributionSummary> delays = new ConcurrentHashMap<>();
    private volatile long totalBacklog;

    EventBacklogMetrics(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.backlog = MultiGauge.builder("parley.events.backlog").description("Events not yet handled, per reactor").register(registry);
        this.oldestAge = MultiGauge.builder("parley.events.oldest.age").baseUnit("seconds")
                .description("Age of the oldest event not yet handled, per reactor").register(registry);
        this.failed = MultiGauge.builder("parley.events.failed").description("Events whose handling failed and waits for a retry, per reactor")
                .register(registry);
        Gauge.builder("parley.events.unfinished", this, m -> m.totalBacklog).description("Events not yet handled, all reactors added up")
                .register(registry);
    }

    /** Events not yet handled, all reactors added up, at the last sample (the public API's backpressure reads it). */
    public long totalBacklog() {
        return totalBacklog;
    }

    /** A reactor takes an event appended at {@code publishedAt}. */
    public void handled(String reactor, Instant publishedAt) {
        delays.computeIfAbsent(reactor, r -> DistributionSummary.builder("parley.events.handling.delay").baseUnit("seconds")
                        .description("Age of an event when its reactor takes it").tag("reactor", r).publishPercentiles(0.5, 0.99).register(registry))
                .record(Math.max(0, Duration.between(publishedAt, Instant.now()).toMillis()) / 1000.0);
    }

    @Scheduled(fixedDelayString = "${parley.metrics.events-sample-interval:PT5S}")
    public void sample() {
        sampleBacklog();
    }

    /** Counts every reactor's backlog now; the total. */
    public long sampleBacklog() {
        record Row(String reactor, long count, double oldestSeconds, long failed) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT c.reactor,
                       (SELECT count(*) FROM event_log e WHERE (e.tx, e.id) > (c.tx, c.id)) AS n,
                       coalesce((SELECT extract(epoch FROM now() - min(e.published_at)) FROM event_log e WHERE (e.tx, e.id) > (c.tx, c.id)), 0) AS oldest,
                       (SELECT count(*) FROM reactor_failures f WHERE f.reactor = c.reactor) AS failed
                FROM reactor_cursors c ORDER BY c.reactor""")
                .query((rs, i) -> new Row(rs.getString("reactor"), rs.getLong("n"), Math.max(0, rs.getDouble("oldest")), rs.getLong("failed")))
                .list();
        backlog.register(rows.stream().map(r -> MultiGauge.Row.of(Tags.of("reactor", r.reactor()), r.count())).toList(), true);
        oldestAge.register(rows.stream().map(r -> MultiGauge.Row.of(Tags.of("reactor", r.reactor()), r.oldestSeconds())).toList(), true);
        failed.register(rows.stream().map(r -> MultiGauge.Row.of(Tags.of("reactor", r.reactor()), r.failed())).toList(), true);
        totalBacklog = rows.stream().mapToLong(Row::count).sum();
        return totalBacklog;
    }
}
