package dev.parley.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The seed problem's fix must not take the resolution away from the agent who did the work. */
class ResolutionCreditIntegrationTests extends IntegrationTest {

    @ParameterizedTest(name = "rule on {0}")
    @ValueSource(strings = {"conversation_updated", "conversation_resolved"})
    void theResolverKeepsTheCreditWhateverHappensNext(String event) {
        Team team = fixtures.account();
        var bea = fixtures.user("Bea", team.accountId(), "agent");
        var inbox = fixtures.inbox(team, team.agentUser(), bea);
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("enable_auto_assignment", false)).expect(200);
        var conditions = event.equals("conversation_updated")
                ? List.of(Map.of("attribute_key", "status", "filter_operator", "equal_to", "values", List.of("resolved")))
                : List.<Map<String, Object>>of();
        team.admin().post(team.path("/automation_rules"), Map.of("name", "Unassign on resolve", "event_name", event, "conditions", conditions,
                "actions", List.of(Map.of("action_name", "assign_agent", "action_params", List.of("nil"))))).expect(200);
        Customer customer = fixtures.customer(inbox, "Credit Check");
        long id = fixtures.conversation(customer, "help");
        long since = Instant.now().minusSeconds(60).getEpochSecond();
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);
        team.agent().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved")).expect(200);
        await().atMost(Duration.ofSeconds(3)).until(() ->
                team.admin().get(team.path("/conversations/" + id)).json().get("meta").get("assignee").isNull());

        await().atMost(Duration.ofSeconds(3)).until(() -> resolutions(team, team.agentUser().id(), since) == 1);
        assertThat(resolutions(team, bea.id(), since)).isZero();
        // reassigning and reopening later does not move it
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", bea.id())).expect(200);
        anonymous().post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", "again")).expect(200);
        assertThat(resolutions(team, team.agentUser().id(), since)).isEqualTo(1);
        assertThat(resolutions(team, bea.id(), since)).isZero();
        // resolving again after the reopen counts again, for whoever resolves it now
        var beaApi = team.agent().as(bea.token());
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", bea.id())).expect(200);
        beaApi.post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved")).expect(200);
        await().atMost(Duration.ofSeconds(3)).until(() -> resolutions(team, bea.id(), since) == 1);
        assertThat(resolutions(team, team.agentUser().id(), since)).isEqualTo(1);
        JsonNode account = summary(team, "account", null, since);
        assertThat(account.get("resolutions_count").asLong()).isEqualTo(2);
    }

    private long resolutions(Team team, long agentId, long since) {
        return summary(team, "agent", agentId, since).get("resolutions_count").asLong();
    }

    private JsonNode summary(Team team, String type, Long id, long since) {
        String query = "?type=" + type + (id == null ? "" : "&id=" + id) + "&since=" + since + "&until=" + (Instant.now().getEpochSecond() + 60);
        return team.admin().get("/api/v2/accounts/" + team.accountId() + "/reports/summary" + query).expect(200).json();
    }
}
