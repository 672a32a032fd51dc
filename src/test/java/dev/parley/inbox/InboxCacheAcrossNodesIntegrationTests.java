package dev.parley.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.shared.NodeCaches;
import dev.parley.support.Api;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import dev.parley.support.SecondNode;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public API finds an inbox by its identifier from the node's memory; a change to the inbox, through either node's
 * API or straight SQL, reaches every node: the node that made it at its commit, the others when the notice arrives.
 * What is checked is what a customer meets: whether the inbox demands an identity hash.
 */
class InboxCacheAcrossNodesIntegrationTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NodeCaches nodeOneCaches;

    @Test
    void aChangedOrDeletedInboxIsSeenByEveryNodesPublicApi() {
        try (ConfigurableApplicationContext nodeTwo = SecondNode.on(dataSource)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> nodeTwo.getBean(NodeCaches.class).listening() && nodeOneCaches.listening());
            Api onOne = anonymous();
            Api onTwo = new Api(Integer.parseInt(nodeTwo.getEnvironment().getProperty("local.server.port")), null);
            Team team = fixtures.account();
            var inbox = team.admin().post(team.path("/inboxes"), Map.of("name", "Site", "channel", Map.of("type", "api"))).expect(200).json();
            long inboxId = inbox.get("id").asLong();
            String contacts = "/public/api/v1/inboxes/" + inbox.get("inbox_identifier").asString() + "/contacts";
            // both nodes read the inbox, and remember it
            onOne.post(contacts, Map.of("name", "Sam", "identifier", "sam-1")).expect(200);
            onTwo.post(contacts, Map.of("name", "Sam", "identifier", "sam-2")).expect(200);

            // through node one's API: node one knows at its commit, node two when the notice comes
            team.admin().patch(team.path("/inboxes/" + inboxId), Map.of("channel", Map.of("hmac_mandatory", true))).expect(200);
            onOne.post(contacts, Map.of("name", "Sam", "identifier", "sam-3")).expect(401);
            await().atMost(Duration.ofSeconds(5)).until(() -> onTwo.post(contacts, Map.of("name", "Sam", "identifier", "sam-4")).status() == 401);

            // around Parley (straight SQL): the trigger tells both
            jdbc.sql("UPDATE inboxes SET hmac_mandatory = false WHERE id = ?").param(inboxId).update();
            await().atMost(Duration.ofSeconds(5)).until(() -> onOne.post(contacts, Map.of("name", "Sam", "identifier", "sam-5")).status() == 200
                    && onTwo.post(contacts, Map.of("name", "Sam", "identifier", "sam-6")).status() == 200);

            // deleted through node two: node two at once, node one when the notice comes
            new Api(Integer.parseInt(nodeTwo.getEnvironment().getProperty("local.server.port")), team.adminUser().token())
                    .delete(team.path("/inboxes/" + inboxId)).expect(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> onTwo.post(contacts, Map.of("name", "Sam")).status() == 404);
            await().atMost(Duration.ofSeconds(5)).until(() -> onOne.post(contacts, Map.of("name", "Sam")).status() == 404);
        }
    }
}
