package dev.parley.benchmarks;

import dev.parley.shared.timers.DueTimer;
import dev.parley.shared.timers.TimerHandler;
import dev.parley.shared.timers.TimerKey;
import dev.parley.shared.timers.TimerPoller;
import dev.parley.shared.timers.TimerResult;
import dev.parley.shared.timers.Timers;
import dev.parley.support.Api;
import dev.parley.support.Fixtures;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import dev.parley.support.MovableClock;
import dev.parley.support.StillTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What durable timers cost (not part of {@code ./mvnw verify}; run {@code ./mvnw test -Dtest=TimerBenchmark}):
 * <ol>
 * <li>arming and cancelling one timer (each in its own transaction, as a command would) with 1,000,000 armed;</li>
 * <li>firing 10,000 timers that came due in the same minute among 1,000,000 armed, with a handler that writes one
 *     row (the poller's own cost: claim, lock, check, end);</li>
 * <li>firing 300 (-Dconversations=) real delayed rules ("no agent reply for 10 minutes: label and message") end to end.</li>
 * </ol>
 * The poller is driven by the benchmark (its schedule is pushed out of the way); the clock is a test clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"parley.data-dir=", "logging.level.root=WARN",
        "parley.platform-token=" + IntegrationTest.PLATFORM_TOKEN, "parley.timers.poll-interval=PT1H", "parley.timers.initial-delay=PT1H",
        "parley.rate-limits.public-api.per-ip=100000000", "parley.rate-limits.public-api.per-contact=100000000"})
@Import({StillTime.class, TimerBenchmark.Setup.class})
class TimerBenchmark {

    @TestConfiguration(proxyBeanMethods = false)
    static class Setup {
        /** Fires "bench" timers: one insert, the smallest side effect a timer can have. */
        @Bean
        TimerHandler benchHandler(JdbcClient jdbc) {
            return new TimerHandler() {
                @Override
                public String kind() {
                    return "bench";
                }

                @Override
                public TimerResult fire(DueTimer timer) {
                    jdbc.sql("INSERT INTO bench_fired (timer_id) VALUES (?)").param(timer.id()).update();
                    return TimerResult.fired("bench");
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Timers timers;
    @Autowired
    TimerPoller poller;
    @Autowired
    MovableClock clock;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void millionArmedTenThousandDueInOneMinute() {
        Fixtures fixtures = new Fixtures(port);
        Team team = fixtures.account();
        jdbc.sql("CREATE TABLE IF NOT EXISTS bench_fired (timer_id BIGINT PRIMARY KEY)").update();
        Instant now = clock.instant();
        long start = System.nanoTime();
        jdbc.sql("""
                        INSERT INTO timers (kind, subject, owner, account_id, due_at, next_try_at, armed_at, armed_by, payload)
                        SELECT 'bench', 'far:' || g, 'bench', ?, ?::timestamptz + g * interval '1 second', ?::timestamptz + g * interval '1 second', ?, 'bench', '{}'
                        FROM generate_series(1, 990000) g""")
                .params(team.accountId(), java.sql.Timestamp.from(now.plus(Duration.ofDays(1))), java.sql.Timestamp.from(now.plus(Duration.ofDays(1))),
                        java.sql.Timestamp.from(now)).update();
        jdbc.sql("""
                        INSERT INTO timers (kind, subject, owner, account_id, due_at, next_try_at, armed_at, armed_by, payload)
                        SELECT 'bench', 'due:' || g, 'bench', ?, ?::timestamptz + (g % 60) * interval '1 second', ?::timestamptz + (g % 60) * interval '1 second', ?, 'bench', '{}'
                        FROM generate_series(1, 10000) g""")
                .params(team.accountId(), java.sql.Timestamp.from(now.plus(Duration.ofMinutes(10))),
                        java.sql.Timestamp.from(now.plus(Duration.ofMinutes(10))), java.sql.Timestamp.from(now)).update();
        jdbc.sql("ANALYZE timers").update();
        System.out.printf("[timers] 1,000,000 timers inserted in %.1f s (bulk SQL, setup only)%n", (System.nanoTime() - start) / 1e9);
        System.out.println("[timers] claim plan: " + String.join(" / ", jdbc.sql("""
                EXPLAIN SELECT id FROM timers WHERE state IN ('armed', 'firing') AND next_try_at <= now() ORDER BY next_try_at, id LIMIT 100
                FOR UPDATE SKIP LOCKED""").query(String.class).list()));

        TransactionTemplate tx = new TransactionTemplate(transactions);
        int n = 5_000;
        List<Long> arm = new ArrayList<>(n);
        List<Long> cancel = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TimerKey key = new TimerKey("bench", "one:" + i);
            long t0 = System.nanoTime();
            tx.executeWithoutResult(s -> timers.arm(key, "bench-one", team.accountId(), null, now.plus(Duration.ofDays(2)), Map.of("i", 1), "bench"));
            long t1 = System.nanoTime();
            tx.executeWithoutResult(s -> timers.cancel(key, "bench"));
            long t2 = System.nanoTime();
            arm.add(t1 - t0);
            cancel.add(t2 - t1);
        }
        System.out.printf("[timers] arm one (own transaction, 1,000,000 armed): median %.0f us, p90 %.0f us | cancel one: median %.0f us, p90 %.0f us%n",
                median(arm), p90(arm), median(cancel), p90(cancel));

        clock.advance(Duration.ofMinutes(11));
        start = System.nanoTime();
        int handled = poller.fireDue();
        double seconds = (System.nanoTime() - start) / 1e9;
        long fired = jdbc.sql("SELECT count(*) FROM bench_fired").query(Long.class).single();
        System.out.printf("[timers] fire 10,000 due in one minute among 1,000,000 armed: %d handled, %d fired in %.1f s (%.0f timers/s, one node)%n",
                handled, fired, seconds, fired / seconds);
        jdbc.sql("DELETE FROM timers WHERE kind = 'bench'").update();

        realRules(fixtures, team);
    }

    /** Real delayed rules, end to end: label and customer message by the rule, per conversation. */
    private void realRules(Fixtures fixtures, Team team) {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        team.admin().post(team.path("/automation_rules"), Map.of("name", "no reply", "event_name", "message_created", "execution_delay", 10,
                "conditions", List.of(Map.of("attribute_key", "message_type", "filter_operator", "equal_to", "values", List.of("incoming"))),
                "actions", List.of(Map.of("action_name", "add_label", "action_params", List.of("waiting")),
                        Map.of("action_name", "send_message", "action_params", List.of("Still on it."))))).expect(200);
        Api publicApi = new Api(port, null);
        int conversations = Integer.getInteger("conversations", 300);
        for (int i = 0; i < conversations; i++) fixtures.conversation(fixtures.customer(inbox, "c" + i), "hello");
        long armed = jdbc.sql("SELECT count(*) FROM timers WHERE account_id = ? AND kind = 'automation_rule' AND state = 'armed'")
                .param(team.accountId()).query(Long.class).single();
        clock.advance(Duration.ofMinutes(11));
        long start = System.nanoTime();
        int handled = poller.fireDue();
        double seconds = (System.nanoTime() - start) / 1e9;
        long messages = jdbc.sql("SELECT count(*) FROM messages WHERE account_id = ? AND content = 'Still on it.'").param(team.accountId())
                .query(Long.class).single();
        System.out.printf("[timers] %d delayed rules armed; fired %d (label + message each) in %.1f s: %.1f ms per rule, %d messages%n",
                armed, handled, seconds, seconds * 1000 / handled, messages);
        publicApi.get("/actuator/health").expect(200);
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1000.0;
    }

    private static double p90(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get((int) (sorted.size() * 0.9)) / 1000.0;
    }
}
