package dev.parley.benchmarks;

import dev.parley.support.Api;
import dev.parley.support.Fixtures;
import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What automation costs per incoming customer message as the number of active rules grows (not part of
 * {@code ./mvnw verify}; run {@code ./mvnw test -Dtest=AutomationCostBenchmark}):
 * <ol>
 * <li>SQL statements and commits per message (public API, one conversation) with 0, 1, 50 and 500
 *     active {@code message_created} rules that do not match;</li>
 * <li>the rule real path: median time from the HTTP message to the rule's label on the conversation, with
 *     10, 1,000 and 10,000 active rules of which one matches.</li>
 * </ol>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"parley.data-dir=", "logging.level.root=WARN",
        "parley.platform-token=" + IntegrationTest.PLATFORM_TOKEN,
        // one customer sends 35 messages per rule count from 127.0.0.1: the public API's limits are not measured here
        "parley.rate-limits.public-api.per-ip=1000000", "parley.rate-limits.public-api.per-contact=1000000"})
@Import(SqlCounter.class)
class AutomationCostBenchmark {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SqlCounter counter;

    @Test
    void costPerMessageAndRealPath() {
        counter.ignored = Thread.currentThread();
        Fixtures fixtures = new Fixtures(port);
        Team team = fixtures.account();
        Customer customer = fixtures.customer(fixtures.inbox(team, team.agentUser()), "bench customer");
        System.out.println("[automation-cost] rules | SQL statements per message | commits per message");
        for (int rules : new int[] {0, 1, 50, 500}) {
            replaceRules(team.accountId(), rules, false);
            long displayId = fixtures.conversation(customer, "warm up");
            Api api = new Api(port, null);
            String path = customer.conversationsPath() + "/" + displayId + "/messages";
            for (int i = 0; i < 5; i++) send(api, path, "warm " + i);
            int messages = 30;
            counter.reset();
            for (int i = 0; i < messages; i++) send(api, path, "message " + i);
            System.out.printf("[automation-cost] %5d | %6.1f | %6.1f%n", rules, counter.statements.get() / (double) messages,
                    counter.commits.get() / (double) messages);
        }
        // one account per rule count, sampled in turns, so that the machine's ups and downs hit every count alike
        int[] counts = {10, 1_000, 10_000};
        List<Team> teams = new ArrayList<>();
        List<Customer> customers = new ArrayList<>();
        for (int rules : counts) {
            Team t = fixtures.account();
            teams.add(t);
            customers.add(fixtures.customer(fixtures.inbox(t, t.agentUser()), "real path customer"));
            replaceRules(t.accountId(), rules, true);
        }
        List<List<Long>> timings = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) timings.add(new ArrayList<>());
        int rounds = Integer.getInteger("samples", 41);
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < counts.length; k++) {
                long ms = messageToLabel(customers.get(k), teams.get(k).accountId());
                if (round >= 3) timings.get(k).add(ms); // the first rounds warm up caches and the JIT
            }
        }
        System.out.println("[rule-real-path] rules | median ms message -> label | p90 ms | samples");
        for (int k = 0; k < counts.length; k++) {
            List<Long> measured = timings.get(k);
            Collections.sort(measured);
            System.out.printf("[rule-real-path] %6d | %5d | %5d | %d%n", counts[k], measured.get(measured.size() / 2),
                    measured.get((int) (measured.size() * 0.9)), measured.size());
        }
        System.out.println("[log-row-size] rules | rows per message_created event | bytes stored: evaluations (jsonb, compressed) | rule_ids");
        for (int k = 0; k < counts.length; k++) {
            System.out.printf("[log-row-size] %6d | %s%n", counts[k], logRowSize(teams.get(k).accountId()));
        }
    }

    /** Rows and stored bytes of the explain log per message_created event (the table of the build under test). */
    private String logRowSize(long accountId) {
        try {
            return jdbc.sql("""
                            SELECT round(count(*)::numeric / count(DISTINCT event_id), 2) || ' | ' || round(avg(pg_column_size(evaluations))) || ' | ' || round(avg(pg_column_size(rule_ids)))
                            FROM automation_runs r WHERE account_id = ? AND event_name = 'message_created'""").param(accountId)
                    .query(String.class).single();
        } catch (RuntimeException e) {
            return "(no automation_runs table in this build)";
        }
    }

    /** Sends one customer message and waits until everything it caused has been handled. */
    private void send(Api api, String path, String content) {
        api.post(path, Map.of("content", content)).expect(200);
        settle();
    }

    private long messageToLabel(Customer customer, long accountId) {
        Api api = new Api(port, null);
        long displayId = api.post(customer.conversationsPath(), Map.of()).expect(200).json().get("id").asLong();
        settle();
        long start = System.nanoTime();
        api.post(customer.conversationsPath() + "/" + displayId + "/messages", Map.of("content", "please hit the rule")).expect(200);
        while (!jdbc.sql("SELECT 'hit' = ANY(labels) FROM conversations WHERE account_id = ? AND display_id = ?").params(accountId, displayId)
                .query(Boolean.class).single()) {
            if (System.nanoTime() - start > Duration.ofSeconds(120).toNanos()) throw new IllegalStateException("no label after 120 s");
            sleep(2);
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        settle();
        return elapsed;
    }

    /** Waits until the event publication registry has nothing left to deliver. */
    private void settle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        sleep(20);
        while (jdbc.sql(LoadScenarioBenchmark.BACKLOG).query(Long.class).single() > 0) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("events not handled after 300 s");
            sleep(5);
        }
    }

    /** Active message_created rules written with SQL: none match, except one adding the label "hit" when asked. */
    private void replaceRules(long accountId, int count, boolean oneMatches) {
        jdbc.sql("DELETE FROM automation_rules WHERE account_id = ?").param(accountId).update();
        jdbc.sql("""
                        INSERT INTO automation_rules (account_id, name, event_name, conditions, actions, active)
                        SELECT ?, 'rule ' || g, 'message_created',
                               jsonb_build_array(jsonb_build_object('attribute_key', 'content', 'filter_operator', 'contains',
                                   'values', jsonb_build_array(CASE WHEN ? AND g = 1 THEN 'hit' ELSE 'never-' || g END), 'query_operator', null)),
                               jsonb_build_array(jsonb_build_object('action_name', 'add_label', 'action_params', jsonb_build_array('hit'))), true
                        FROM generate_series(1, ?) g""")
                .params(accountId, oneMatches, count).update();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
