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

    private static final String FAKE_LISTENER = "dev.parley.test.SlowReactor.on(dev.parley.test.Fake)";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventBacklogMetrics metrics;

    @AfterEach
    void drain() {
        jdbc.sql("DELETE FROM event_publication WHERE listener_id = ?").param(FAKE_LISTENER).update();
        metrics.sample();
    }

    @Test
    void customersAreAskedToRetryWhileTheBacklogIsOverTheLimit() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        Customer customer = fixtures.customer(inbox, "carla customer");
        long conversation = fixtures.conversation(customer, "hello");
        String messages = customer.conversationsPath() + "/" + conversation + "/messages";

        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date)
                SELECT gen_random_uuid(), ?, 'dev.parley.test.Fake', '{}', now() - interval '30 seconds' FROM generate_series(1, 50001)""")
                .param(FAKE_LISTENER).update();
        metrics.sample();

        var refused = anonymous().post(messages, Map.of("content", "while behind"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("error").asString()).contains("retry");
        assertThat(anonymous().get(messages).expect(200).body()).doesNotContain("while behind");
        String prometheus = anonymous().get("/actuator/prometheus").expect(200).body();
        assertThat(prometheus).contains("parley_events_backlog{reactor=\"test.SlowReactor.on\"} 50001")
                .contains("parley_events_oldest_age_seconds{reactor=\"test.SlowReactor.on\"}");

        drain();
        anonymous().post(messages, Map.of("content", "caught up")).expect(200);
    }
}
