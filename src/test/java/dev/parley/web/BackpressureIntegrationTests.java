package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.shared.EventBacklogMetrics;
import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When the reactors fall behind past the backlog limit, customers' writes through the public API get a 429 with
 * Retry-After and nothing is stored; reads go on; the backlog per reactor is on /actuator/prometheus.
 */
class BackpressureIntegrationTests extends IntegrationTest {

    private static final String SLOW_REACTOR = "test-slow";
    /** Far past any transaction id of the test database: no real reactor reads these rows, every cursor counts them. */
    private static final String FUTURE_TX = "1099511627776";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventBacklogMetrics metrics;

    @AfterEach
    void drain() {
        jdbc.sql("DELETE FROM event_log WHERE tx = ?::xid8").param(FUTURE_TX).update();
        jdbc.sql("DELETE FROM reactor_cursors WHERE reactor = ?").param(SLOW_REACTOR).update();
        metrics.sample();
    }

    @Test
    void customersAreAskedToRetryWhileTheBacklogIsOverTheLimit() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        Customer customer = fixtures.customer(inbox, "carla customer");
        long conversation = fixtures.conversation(customer, "hello");
        String messages = customer.conversationsPath() + "/" + conversation + "/messages";

        jdbc.sql("INSERT INTO reactor_cursors (reactor, tx, id) VALUES (?, ?::xid8, 0)").params(SLOW_REACTOR, FUTURE_TX).update();
        jdbc.sql("""
                INSERT INTO event_log (tx, event_type, payload, published_at)
                SELECT ?::xid8, 'dev.parley.test.Fake', '{}', now() - interval '30 seconds' FROM generate_series(1, 50001)""")
                .param(FUTURE_TX).update();
        metrics.sample();

        var refused = anonymous().post(messages, Map.of("content", "while behind"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("error").asString()).contains("retry");
        assertThat(anonymous().get(messages).expect(200).body()).doesNotContain("while behind");
        String prometheus = anonymous().get("/actuator/prometheus").expect(200).body();
        assertThat(prometheus).contains("parley_events_backlog{reactor=\"test-slow\"} 50001")
                .contains("parley_events_oldest_age_seconds{reactor=\"test-slow\"}").contains("parley_events_backlog{reactor=\"automation\"}")
                .contains("parley_events_failed{reactor=\"automation\"}");

        drain();
        anonymous().post(messages, Map.of("content", "caught up")).expect(200);
    }
}
