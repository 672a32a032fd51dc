package dev.parley.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Api;
import dev.parley.support.Fixtures;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The seed scenario through the website widget: auto-assignment, the seed rule (unassign on resolve), reopening by
 * the visitor's next message and routing to the agent who is online, exactly as for any other channel.
 */
class WidgetSeedScenarioIntegrationTests extends IntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(20);

    @Test
    void aVisitorWritingAfterResolveIsUnassignedByTheSeedRuleAndGoesToTheOnlineAgent() {
        Fixtures.Team team = fixtures.account();
        Fixtures.User bea = fixtures.user("Bea Backup", team.accountId(), "agent");
        Api beaApi = team.agent().as(bea.token());
        var inbox = WidgetFixtures.widgetInbox(team, Map.of(), team.agentUser(), bea);
        team.admin().post(team.path("/automation_rules"), Map.of("name", "Unassign on resolve", "event_name", "conversation_updated",
                "conditions", List.of(Map.of("attribute_key", "status", "filter_operator", "equal_to", "values", List.of("resolved"))),
                "actions", List.of(Map.of("action_name", "assign_agent", "action_params", List.of("nil"))))).expect(200);
        availability(team.agent(), team.accountId(), "online");
        availability(beaApi, team.accountId(), "offline");

        WidgetVisitor visitor = WidgetVisitor.arrive(port, inbox.websiteToken());
        visitor.post("/api/v1/widget/messages", Map.of("message", Map.of("content", "My order is late"))).expect(200);
        long id = visitor.get("/api/v1/widget/conversations").expect(200).json().get("id").asLong();
        await().atMost(SOON).until(() -> Long.valueOf(team.agentUser().id()).equals(assignee(team, id)));

        team.agent().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved")).expect(200);
        await().atMost(SOON).until(() -> assignee(team, id) == null);
        availability(team.agent(), team.accountId(), "offline");
        availability(beaApi, team.accountId(), "online");

        visitor.post("/api/v1/widget/messages", Map.of("message", Map.of("content", "Still late!"))).expect(200);
        await().atMost(SOON).until(() -> Long.valueOf(bea.id()).equals(assignee(team, id)));
        JsonNode conversation = team.admin().get(team.path("/conversations/" + id)).expect(200).json();
        assertThat(conversation.get("status").asString()).isEqualTo("open");
        assertThat(conversation.at("/meta/channel").asString()).isNotBlank();
        assertThat(visitor.get("/api/v1/widget/conversations").expect(200).json().get("id").asLong()).isEqualTo(id);
    }

    private static Long assignee(Fixtures.Team team, long id) {
        JsonNode assignee = team.admin().get(team.path("/conversations/" + id)).expect(200).json().at("/meta/assignee");
        return assignee.isMissingNode() || assignee.isNull() ? null : assignee.get("id").asLong();
    }

    private static void availability(Api agent, long accountId, String availability) {
        agent.post("/api/v1/profile/auto_offline", Map.of("profile", Map.of("auto_offline", false, "account_id", accountId))).expect(200);
        agent.post("/api/v1/profile/availability", Map.of("profile", Map.of("availability", availability, "account_id", accountId)))
                .expect(200);
    }
}
