package dev.parley.shared;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What a team watches to know the reactors keep pace, read from the event publication registry every few seconds
 * (so it costs one small query per node, not one per event): {@code parley_events_backlog{reactor}} (unfinished
 * publications), {@code parley_events_oldest_age_seconds{reactor}} (age of the oldest unfinished one) and
 * {@code parley_events_handling_delay_seconds{reactor}} (publication to completion, per completed event).
 */
@Component
public class EventBacklogMetrics {

    private static final int MAX_COMPLETIONS_PER_SAMPLE = 20_000;

    private final JdbcClient jdbc;
    private final MeterRegistry registry;
    private final MultiGauge backlog;
    private final MultiGauge oldestAge;
    private final ConcurrentHashMap<String, DistributionSummary> delays = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastCompletion = new AtomicReference<>(Instant.now());
    private volatile long totalBacklog;

    EventBacklogMetrics(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.backlog = MultiGauge.builder("parley.events.backlog").description("Unfinished event publications per reactor")
                .register(registry);
        this.oldestAge = MultiGauge.builder("parley.events.oldest.age").baseUnit("seconds")
                .description("Age of the oldest unfinished event publication per reactor").register(registry);
        Gauge.builder("parley.events.unfinished", this, m -> m.totalBacklog).description("Unfinished event publications, all reactors")
                .register(registry);
    }

    /** Unfinished publications across reactors at the last sample (the public API's backpressure reads it). */
    public long totalBacklog() {
        return totalBacklog;
    }

    @Scheduled(fixedDelayString = "${parley.metrics.events-sample-interval:PT5S}")
    public void sample() {
        record Row(String reactor, long count, double oldestSeconds) {
        }
        // Overloaded listener methods (one per event type) share a reactor name: add them up.
        var byReactor = new java.util.TreeMap<String, Row>();
        jdbc.sql("""
                SELECT listener_id, count(*) AS n, extract(epoch FROM now() - min(publication_date)) AS oldest
                FROM event_publication WHERE completion_date IS NULL GROUP BY listener_id""")
                .query((rs, i) -> new Row(reactor(rs.getString("listener_id")), rs.getLong("n"), rs.getDouble("oldest"))).list()
                .forEach(r -> byReactor.merge(r.reactor(), r, (a, b) -> new Row(a.reactor(), a.count() + b.count(),
                        Math.max(a.oldestSeconds(), b.oldestSeconds()))));
        List<Row> rows = List.copyOf(byReactor.values());
        backlog.register(rows.stream().map(r -> MultiGauge.Row.of(Tags.of("reactor", r.reactor()), r.count())).toList(), true);
        oldestAge.register(rows.stream().map(r -> MultiGauge.Row.of(Tags.of("reactor", r.reactor()), r.oldestSeconds())).toList(), true);
        totalBacklog = rows.stream().mapToLong(Row::count).sum();
        sampleDelays();
    }

    private void sampleDelays() {
        Instant since = lastCompletion.get();
        var newest = new AtomicReference<>(since);
        jdbc.sql("""
                SELECT listener_id, publication_date, completion_date FROM event_publication
                WHERE completion_date > ? ORDER BY completion_date LIMIT ?""")
                .params(Timestamp.from(since), MAX_COMPLETIONS_PER_SAMPLE)
                .query(rs -> {
                    Instant published = rs.getTimestamp("publication_date").toInstant();
                    Instant completed = rs.getTimestamp("completion_date").toInstant();
                    delay(reactor(rs.getString("listener_id"))).record((completed.toEpochMilli() - published.toEpochMilli()) / 1000.0);
                    if (completed.isAfter(newest.get())) newest.set(completed);
                });
        lastCompletion.set(newest.get());
    }

    private DistributionSummary delay(String reactor) {
        return delays.computeIfAbsent(reactor, r -> DistributionSummary.builder("parley.events.handling.delay").baseUnit("seconds")
                .description("Time from an event's publication to its handling by a reactor").tag("reactor", r)
                .publishPercentiles(0.5, 0.99).register(registry));
    }

    /** "dev.parley.automation.application.AutomationTriggers.on(...)" -> "automation.AutomationTriggers.on". */
    static String reactor(String listenerId) {
        if (listenerId == null) return "unknown";
        String id = listenerId.replace("dev.parley.", "");
        int paren = id.indexOf('(');
        if (paren > 0) id = id.substring(0, paren);
        String[] parts = id.split("\\.");
        if (parts.length >= 3) return parts[0] + "." + parts[parts.length - 2] + "." + parts[parts.length - 1];
        return id;
    }
}
