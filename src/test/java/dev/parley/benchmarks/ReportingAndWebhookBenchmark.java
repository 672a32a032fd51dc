package dev.parley.benchmarks;

import com.sun.net.httpserver.HttpServer;
import dev.parley.reporting.Range;
import dev.parley.reporting.ReportQueries;
import dev.parley.reporting.Scope;
import dev.parley.webhook.WebhookDeliveries;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Load benchmark (not part of {@code ./mvnw verify}; run {@code ./mvnw test -Dtest=ReportingAndWebhookBenchmark}):
 * the agent summary over 1,000,000 reporting events, and webhook deliveries per second to a local receiver.
 */
@SpringBootTest(properties = {"parley.data-dir=", "parley.webhooks.allow-private=true", "parley.webhooks.poll-interval=PT0.05S",
        "logging.level.root=WARN"})
class ReportingAndWebhookBenchmark {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportQueries reports;
    @Autowired
    WebhookDeliveries deliveries;

    @Test
    void agentSummaryOverAMillionEventsAndWebhookThroughput() throws Exception {
        agentSummary();
        webhookThroughput();
    }

    void agentSummary() {
        long account = jdbc.sql("INSERT INTO accounts (name) VALUES ('bench') RETURNING id").query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO reporting_events (account_id, inbox_id, user_id, conversation_id, name, value, event_start_time, event_end_time,
                            created_at, source_event_id)
                        SELECT ?, 1 + g % 3, 1 + g % 5, g / 4,
                               (ARRAY['conversation_resolved', 'first_response', 'reply_time', 'incoming_message', 'outgoing_message'])[1 + g % 5],
                               (g % 7200)::float, now(), now(), timestamptz '2026-01-01' + (g % (90 * 24 * 60)) * interval '1 minute', gen_random_uuid()
                        FROM generate_series(1, 1000000) g""")
                .param(account).update();
        jdbc.sql("ANALYZE reporting_events").update();
        Range range = new Range(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"));
        List<Long> timings = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long start = System.nanoTime();
            Map<String, Object> summary = reports.summary(account, new Scope("agent", 3L, null), range);
            timings.add((System.nanoTime() - start) / 1_000_000);
            if (summary.isEmpty()) throw new IllegalStateException();
        }
        List<Long> measured = new ArrayList<>(timings.subList(2, timings.size()));
        Collections.sort(measured);
        System.out.printf("BENCH agent summary (with previous period) over 1,000,000 events: median %d ms, max %d ms (runs %s)%n",
                measured.get(measured.size() / 2), measured.get(measured.size() - 1), timings);
    }

    void webhookThroughput() throws Exception {
        AtomicInteger received = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/bench";
            int count = 5_000;
            long account = jdbc.sql("INSERT INTO accounts (name) VALUES ('bench-hooks') RETURNING id").query(Long.class).single();
            for (int i = 0; i < count; i++) {
                deliveries.enqueue(account, null, url, "secret", "message_created", Map.of("id", i, "content", "benchmark message " + i), null);
            }
            long start = System.nanoTime();
            while (received.get() < count) Thread.sleep(10);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCH webhook throughput: %d signed deliveries in %.2f s = %.0f deliveries/s%n", count, seconds, count / seconds);
        } finally {
            server.stop(0);
        }
    }
}
