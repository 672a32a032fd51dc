package dev.parley.benchmarks;

import dev.parley.support.Api;
import dev.parley.support.Fixtures;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.Fixtures.User;
import dev.parley.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reactions issue's load scenario, end to end (not part of {@code ./mvnw verify}; run it with
 * {@code ./mvnw test -Dtest=LoadScenarioBenchmark [-Dload.customers=16 -Dload.seconds=60 -Dload.profile=true]}): one account, 20 agents
 * online, an API inbox with auto-assignment, 50 active rules that never match plus the seed rule and a probe rule;
 * customers write through the public API as fast as they are answered, agents resolve through the application API.
 * Prints accepted messages a second, POST latency, message-to-rule-effect delay (a probe message gets a label),
 * the backlog of unfinished event deliveries over time, commits and rows written per message (after {@code
 * -Dload.warmup=15} seconds of the same load, not measured), and a pgbench TPC-B
 * run on the same PostgreSQL in the same run, so figures from a shared machine compare by their ratio. Statements are
 * counted by PostgreSQL ({@code pg_stat_statements}, preloaded into the embedded database), not by a proxy in the
 * JVM, so counting costs the measured server nothing.
 */
@org.springframework.test.context.TestPropertySource(properties = "parley.embedded-database.preload-libraries=pg_stat_statements")
class LoadScenarioBenchmark extends IntegrationTest {

    /** Events not yet handled, every reactor's added up. */
    static final String BACKLOG = """
            SELECT coalesce(sum((SELECT count(*) FROM event_log e WHERE (e.tx, e.id) > (c.tx, c.id))), 0) FROM reactor_cursors c""";

    private static final int CUSTOMERS = Integer.getInteger("load.customers", 16);
    private static final int SECONDS = Integer.getInteger("load.seconds", 60);
    /** JFR, CPU and pg_stat_activity sampling (the bottleneck); off for the headline figures, whose tails it lengthens. */
    private static final boolean PROFILE = Boolean.parseBoolean(System.getProperty("load.profile", "false"));
    /** Seconds of the same load before the measured window (the JIT compiles the hot paths), then the backlog drains. */
    private static final int WARMUP = Integer.getInteger("load.warmup", 15);

    /** Events not yet handled, per reactor. */
    static final String BACKLOG_PER_REACTOR = """
            SELECT c.reactor, (SELECT count(*) FROM event_log e WHERE (e.tx, e.id) > (c.tx, c.id)) AS n FROM reactor_cursors c ORDER BY c.reactor""";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void customersWriteAgentsResolveRulesReact() throws Exception {
        Team team = fixtures.account();
        List<User> agents = new ArrayList<>();
        for (int i = 0; i < 20; i++) agents.add(fixtures.user("Agent " + i, team.accountId(), "agent"));
        Fixtures.Inbox inbox = fixtures.inbox(team, agents.toArray(User[]::new));
        for (User a : agents) {
            Api api = new Api(port, a.token());
            api.post("/api/v1/profile/auto_offline", Map.of("profile", Map.of("auto_offline", false, "account_id", team.accountId()))).expect(200);
            api.post("/api/v1/profile/availability", Map.of("profile", Map.of("availability", "online", "account_id", team.accountId()))).expect(200);
        }
        for (int i = 0; i < 50; i++) rule(team, "never " + i, "message_created", "content", "contains", "zz-never-" + i, "add_label", "never");
        rule(team, "probe", "message_created", "content", "contains", "probe-", "add_label", "probed");
        team.admin().post(team.path("/automation_rules"), Map.of("name", "Unassign on resolve", "event_name", "conversation_updated",
                "conditions", List.of(Map.of("attribute_key", "status", "filter_operator", "equal_to", "values", List.of("resolved"))),
                "actions", List.of(Map.of("action_name", "assign_agent", "action_params", List.of("nil"))))).expect(200);

        warmUp(team, inbox);
        Statements statements = new Statements(jdbc);
        statements.reset();
        long[] db0 = dbCounters();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<Long> postMicros = new ConcurrentLinkedQueue<>();
        List<Long> probeMillis = Collections.synchronizedList(new ArrayList<>());
        List<String> backlog = Collections.synchronizedList(new ArrayList<>());
        List<String> backlogPerReactor = Collections.synchronizedList(new ArrayList<>());
        LoadProfile profile = new LoadProfile(jdbc);
        if (PROFILE) profile.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(CUSTOMERS + 4);
        for (int c = 0; c < CUSTOMERS; c++) {
            int n = c;
            pool.submit(() -> customer(inbox, n, end, accepted, refused, postMicros));
        }
        pool.submit(() -> resolver(team, end));
        pool.submit(() -> prober(team, inbox, end, probeMillis));
        pool.submit(() -> {
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                long second = (System.nanoTime() - start) / 1_000_000_000L;
                Map<String, Long> perReactor = perReactor();
                backlog.add(String.format("%ds=%d", second, perReactor.values().stream().mapToLong(Long::longValue).sum()));
                backlogPerReactor.add(String.format("%ds %s", second, perReactor));
                sleep(5_000);
            }
        });
        if (PROFILE) pool.submit(() -> {
            while (System.nanoTime() < end) {
                profile.sample();
                sleep(250);
            }
        });
        pool.shutdown();
        pool.awaitTermination(SECONDS + 60, TimeUnit.SECONDS);
        if (PROFILE) profile.stop();
        long drainStart = System.nanoTime();
        while (unfinished() > 0 && System.nanoTime() - drainStart < TimeUnit.MINUTES.toNanos(5)) sleep(500);
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        long[] db1 = dbCounters();

        int messages = accepted.get();
        System.out.printf("BENCH load: %d customers, %d s: %d messages accepted (%.1f msg/s), %d refused (429)%n", CUSTOMERS, SECONDS,
                messages, messages / (double) SECONDS, refused.get());
        System.out.printf("BENCH load: public message POST p50 %.1f ms, p99 %.1f ms%n", pct(new ArrayList<>(postMicros), 50) / 1000.0,
                pct(new ArrayList<>(postMicros), 99) / 1000.0);
        System.out.printf("BENCH load: message -> rule effect (label) p50 %d ms, p99 %d ms over %d probes%n", pct(probeMillis, 50),
                pct(probeMillis, 99), probeMillis.size());
        System.out.printf("BENCH load: backlog %s; drained %.1f s after the load stopped%n", backlog, drainSeconds);
        backlogPerReactor.forEach(line -> System.out.println("BENCH load: backlog per reactor at " + line));
        System.out.printf("BENCH load: per accepted message: %.1f commits, %.1f rows inserted, %.1f rows updated (whole database)%n",
                (db1[0] - db0[0]) / (double) messages, (db1[1] - db0[1]) / (double) messages, (db1[2] - db0[2]) / (double) messages);
        statements.print(messages);
        if (PROFILE) profile.print();
        double tps = Pgbench.tpcB(dataSource, jdbc);
        System.out.printf("BENCH load: pgbench TPC-B on the same PostgreSQL: %.0f tps; accepted msg/s / TPS = %.3f%n", tps,
                messages / (double) SECONDS / tps);
    }

    /** The same customers and resolver for {@link #WARMUP} seconds, nothing measured; then the reactors catch up. */
    private void warmUp(Team team, Fixtures.Inbox inbox) throws InterruptedException {
        if (WARMUP <= 0) return;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARMUP);
        ExecutorService pool = Executors.newFixedThreadPool(CUSTOMERS + 1);
        for (int c = 0; c < CUSTOMERS; c++) {
            int n = CUSTOMERS + c;
            pool.submit(() -> customer(inbox, n, end, new AtomicInteger(), new AtomicInteger(), new ConcurrentLinkedQueue<>()));
        }
        pool.submit(() -> resolver(team, end));
        pool.shutdown();
        pool.awaitTermination(WARMUP + 60, TimeUnit.SECONDS);
        long drainStart = System.nanoTime();
        while (unfinished() > 0 && System.nanoTime() - drainStart < TimeUnit.MINUTES.toNanos(2)) sleep(200);
        System.out.printf("BENCH load: warm-up of %d s done, backlog drained in %.1f s%n", WARMUP, (System.nanoTime() - end) / 1e9);
    }

    private void customer(Fixtures.Inbox inbox, int n, long end, AtomicInteger accepted, AtomicInteger refused, ConcurrentLinkedQueue<Long> micros) {
        Api pub = anonymous();
        Fixtures.Customer customer = fixtures.customer(inbox, "load customer " + n);
        long conversation = pub.post(customer.conversationsPath(), Map.of()).expect(200).json().get("id").asLong();
        int i = 0;
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            int status = pub.post(customer.conversationsPath() + "/" + conversation + "/messages", Map.of("content", "message " + i++)).status();
            micros.add((System.nanoTime() - t0) / 1000);
            if (status == 200) accepted.incrementAndGet();
            else if (status == 429) refused.incrementAndGet();
        }
    }

    private void resolver(Team team, long end) {
        Random random = new Random(7);
        while (System.nanoTime() < end) {
            var open = team.admin().get(team.path("/conversations?status=open&assignee_type=all")).json().at("/data/payload");
            if (open.size() > 0) {
                long id = open.get(random.nextInt(open.size())).get("id").asLong();
                team.admin().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "Done, thanks")).status();
                team.admin().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved")).status();
            }
            sleep(100);
        }
    }

    private void prober(Team team, Fixtures.Inbox inbox, long end, List<Long> delays) {
        Api pub = anonymous();
        int i = 0;
        while (System.nanoTime() < end) {
            Fixtures.Customer customer = fixtures.customer(inbox, "probe " + i);
            long conversation = pub.post(customer.conversationsPath(), Map.of()).expect(200).json().get("id").asLong();
            long t0 = System.nanoTime();
            if (pub.post(customer.conversationsPath() + "/" + conversation + "/messages", Map.of("content", "probe-" + i++)).status() != 200) continue;
            while (!team.admin().get(team.path("/conversations/" + conversation + "/labels")).body().contains("probed")) {
                if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(120)) break;
                sleep(20);
            }
            delays.add((System.nanoTime() - t0) / 1_000_000);
            sleep(500);
        }
    }

    private void rule(Team team, String name, String event, String key, String operator, String value, String action, String param) {
        team.admin().post(team.path("/automation_rules"), Map.of("name", name, "event_name", event,
                "conditions", List.of(Map.of("attribute_key", key, "filter_operator", operator, "values", List.of(value))),
                "actions", List.of(Map.of("action_name", action, "action_params", List.of(param))))).expect(200);
    }

    private long unfinished() {
        return jdbc.sql(BACKLOG).query(Long.class).single();
    }

    private Map<String, Long> perReactor() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.sql(BACKLOG_PER_REACTOR).query((rs, i) -> counts.put(rs.getString("reactor"), rs.getLong("n"))).list();
        return counts;
    }

    private long[] dbCounters() {
        return jdbc.sql("SELECT xact_commit, tup_inserted, tup_updated FROM pg_stat_database WHERE datname = current_database()")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    static long pct(List<Long> values, int percentile) {
        if (values.isEmpty()) return -1;
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
