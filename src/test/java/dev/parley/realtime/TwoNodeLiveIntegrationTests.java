package dev.parley.realtime;

import dev.parley.support.SecondNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.Parley;
import dev.parley.support.Api;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Parley nodes on one database: a change committed through one node reaches the dashboards connected
 * to the other (PostgreSQL NOTIFY), a rolled-back change reaches nobody, and a page rendered on one node
 * that opens its stream on the other re-reads rather than trusting a version it cannot compare.
 */
class TwoNodeLiveIntegrationTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    LiveStreams nodeOneStreams;

    @Test
    void changesCommittedOnEitherNodeReachTheOthersStreams() throws Exception {
        try (ConfigurableApplicationContext nodeTwo = SecondNode.on(dataSource, "--parley.webhooks.allow-private=true")) {
            LiveStreams nodeTwoStreams = nodeTwo.getBean(LiveStreams.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> nodeTwo.getBean(LiveBusListener.class).listening());
            Team team = fixtures.account();
            var inbox = fixtures.inbox(team, team.agentUser());
            long id = fixtures.conversation(fixtures.customer(inbox, "Node Nina"), "hello");

            // a change through node one is seen by node two
            long before = nodeTwoStreams.version(team.accountId());
            team.agent().post(team.path("/conversations/" + id + "/toggle_priority"), Map.of("priority", "high")).expect(200);
            await().atMost(Duration.ofSeconds(2)).until(() -> nodeTwoStreams.version(team.accountId()) > before);

            // and a change through node two is seen by node one
            int nodeTwoPort = SecondNode.port(nodeTwo);
            Api agentOnNodeTwo = new Api(nodeTwoPort, team.agentUser().token());
            long beforeOnOne = nodeOneStreams.version(team.accountId());
            agentOnNodeTwo.post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved")).expect(200);
            await().atMost(Duration.ofSeconds(2)).until(() -> nodeOneStreams.version(team.accountId()) > beforeOnOne);

            // once things settle, a refused change (nothing committed) pushes nothing
            long quiet = settled(nodeTwoStreams, team.accountId());
            assertThat(team.agent().post(team.path("/conversations/" + id + "/toggle_priority"), Map.of("priority", "whenever")).status())
                    .isEqualTo(422);
            Thread.sleep(300);
            assertThat(nodeTwoStreams.version(team.accountId())).isEqualTo(quiet);

            // a page rendered on node one cannot be compared on node two: it re-reads
            assertThat(nodeTwoStreams.changedSince(team.accountId(), nodeOneStreams.mark(team.accountId()))).isTrue();
            assertThat(nodeOneStreams.changedSince(team.accountId(), nodeOneStreams.mark(team.accountId()))).isFalse();
        }
    }

    /** The version once no push has arrived for half a second (reactors may still be answering the last change). */
    private static long settled(LiveStreams streams, long accountId) throws InterruptedException {
        long last = -1;
        long now = streams.version(accountId);
        while (now != last) {
            last = now;
            Thread.sleep(500);
            now = streams.version(accountId);
        }
        return now;
    }
}
