package dev.parley.widget;

import dev.parley.support.SecondNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Api;
import dev.parley.support.Fixtures;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes on one database: the visitor's stream on one node gets the replies sent through the other, and a
 * reconnect to the other node replays what was missed, from PostgreSQL (no node keeps the stream in memory).
 */
class WidgetTwoNodeIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DataSource dataSource;

    @Test
    void aVisitorsStreamFollowsRepliesSentThroughAnyNodeAndResumesOnEither() throws Exception {
        try (ConfigurableApplicationContext nodeTwo = SecondNode.on(dataSource, "--parley.rate-limits.widget.new-visitors-per-ip=1000000")) {
            int nodeTwoPort = SecondNode.port(nodeTwo);
            Fixtures.Team team = fixtures.account();
            var inbox = WidgetFixtures.widgetInbox(team, Map.of(), team.agentUser());
            WidgetVisitor onNodeOne = WidgetVisitor.arrive(port, inbox.websiteToken());
            onNodeOne.post("/api/v1/widget/messages", Map.of("message", Map.of("content", "hi"))).expect(200);
            long id = onNodeOne.get("/api/v1/widget/conversations").expect(200).json().get("id").asLong();
            WidgetVisitor onNodeTwo = new WidgetVisitor(nodeTwoPort, inbox.websiteToken(), onNodeOne.authToken);
            String messages = team.path("/conversations/" + id + "/messages");

            String lastSeen;
            try (SseReader tab = stream(onNodeTwo, Map.of())) {
                await().atMost(Duration.ofSeconds(20)).until(() -> !tab.named("queue.position").isEmpty());
                team.agent().post(messages, Map.of("content", "sent through node one")).expect(200);
                await().atMost(Duration.ofSeconds(20)).until(() -> contents(tab).contains("sent through node one"));
                lastSeen = tab.lastId();
            }
            Api agentOnNodeTwo = new Api(nodeTwoPort, team.agentUser().token());
            agentOnNodeTwo.post(messages, Map.of("content", "missed one")).expect(200);
            agentOnNodeTwo.post(messages, Map.of("content", "missed two")).expect(200);
            try (SseReader back = stream(onNodeOne, Map.of("Last-Event-ID", lastSeen))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> contents(back).size() >= 2);
                assertThat(contents(back)).containsExactly("missed one", "missed two");
            }
        }
    }

    private static SseReader stream(WidgetVisitor visitor, Map<String, String> headers) {
        return new SseReader(visitor.url("/api/v1/widget/stream") + "&auth_token=" + visitor.authToken, headers);
    }

    private static List<String> contents(SseReader reader) {
        return reader.named("message.created").stream().map(e -> JSON.readTree(e.data()).get("content").asString()).toList();
    }
}
