package dev.parley.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Chatwoot's {@code private_note} message condition: equal_to / not_equal_to true or false, on message_created. */
class PrivateNoteConditionIntegrationTests extends IntegrationTest {

    private Team team;
    private Customer customer;

    @BeforeEach
    void world() {
        team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        customer = fixtures.customer(inbox, "carla customer");
    }

    @Test
    void aRuleOnPrivateNotesRunsForNotesOnly() {
        rule("Escalate notes", List.of(condition("private_note", "equal_to", List.of(true))), "internal");
        rule("Public replies", List.of(condition("private_note", "not_equal_to", List.of("true"))), "public");
        long noted = fixtures.conversation(customer, "help");
        team.agent().post(team.path("/conversations/" + noted + "/messages"), Map.of("content", "checking with billing", "private", true))
                .expect(200);
        long replied = fixtures.conversation(fixtures.customer(fixtures.inbox(team, team.agentUser()), "dora"), "help");
        team.agent().post(team.path("/conversations/" + replied + "/messages"), Map.of("content", "on it")).expect(200);

        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(labels(noted)).contains("internal");
            assertThat(labels(replied)).contains("public");
        });
        assertThat(labels(replied)).doesNotContain("internal");
        assertThat(labels(noted)).as("the customer's first message is not a note either").contains("public");
    }

    @Test
    void theConditionTakesTrueOrFalseAndChatwootsOperatorsOnly() {
        var body = Map.of("name", "Bad", "event_name", "message_created", "conditions",
                List.of(condition("private_note", "contains", List.of("true"))), "actions", List.of(label("x")));
        JsonNode error = team.admin().post(team.path("/automation_rules"), body).expect(422).json();
        assertThat(error.toString()).contains("private_note");
        var badValue = Map.of("name", "Bad", "event_name", "message_created", "conditions",
                List.of(condition("private_note", "equal_to", List.of("maybe"))), "actions", List.of(label("x")));
        assertThat(team.admin().post(team.path("/automation_rules"), badValue).expect(422).json().toString())
                .contains("private_note takes true or false");
    }

    private void rule(String name, List<Map<String, Object>> conditions, String label) {
        team.admin().post(team.path("/automation_rules"), Map.of("name", name, "event_name", "message_created", "conditions", conditions,
                "actions", List.of(label(label)))).expect(200);
    }

    private static Map<String, Object> condition(String key, String operator, List<Object> values) {
        return Map.of("attribute_key", key, "filter_operator", operator, "values", values);
    }

    private static Map<String, Object> label(String label) {
        return Map.of("action_name", "add_label", "action_params", List.of(label));
    }

    private List<String> labels(long displayId) {
        List<String> labels = new ArrayList<>();
        team.admin().get(team.path("/conversations/" + displayId)).expect(200).json().get("labels").forEach(l -> labels.add(l.asString()));
        return labels;
    }
}
