package dev.parley.conversation;

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

/**
 * Chatwoot's JsonbAttributesLengthValidator on conversations and contacts: a text value over 1500
 * characters or a whole number over 9,999,999,999 is a 422 naming the key, and nothing changes.
 */
class AttributeLimitsIntegrationTests extends IntegrationTest {

    static final String LONG = "x".repeat(1501);
    static final String LONGEST_ALLOWED = "x".repeat(1500);

    private Team team;
    private Inbox inbox;
    private Customer customer;

    @BeforeEach
    void world() {
        team = fixtures.account();
        inbox = fixtures.inbox(team, team.agentUser());
        customer = fixtures.customer(inbox, "carla customer");
    }

    @Test
    void creatingAConversationWithAnOverlongOrHugeAttributeIsRefused() {
        int before = conversationsOfContact();
        JsonNode error = team.admin().post(team.path("/conversations"), Map.of("inbox_id", inbox.id(), "contact_id", customer.contactId(),
                "custom_attributes", Map.of("note", LONG))).expect(422).json();
        assertThat(error.get("message").asString()).isEqualTo("Custom attributes note length should be < 1500");
        assertThat(error.get("attributes").get(0).asString()).isEqualTo("custom_attributes");
        JsonNode huge = team.admin().post(team.path("/conversations"), Map.of("inbox_id", inbox.id(), "contact_id", customer.contactId(),
                "additional_attributes", Map.of("order", 10_000_000_000L))).expect(422).json();
        assertThat(huge.get("errors").get("additional_attributes").get(0).asString()).isEqualTo("order value should be < 9999999999");
        assertThat(conversationsOfContact()).isEqualTo(before);

        team.admin().post(team.path("/conversations"), Map.of("inbox_id", inbox.id(), "contact_id", customer.contactId(),
                "custom_attributes", Map.of("note", LONGEST_ALLOWED, "order", 9_999_999_999L, "ratio", 1.0e12))).expect(200);
    }

    @Test
    void updatingCustomAttributesWithAnOverlongValueChangesNothing() {
        long id = fixtures.conversation(customer, "hi");
        team.admin().post(team.path("/conversations/" + id + "/custom_attributes"), Map.of("custom_attributes", Map.of("plan", "pro")))
                .expect(200);
        JsonNode error = team.admin().post(team.path("/conversations/" + id + "/custom_attributes"),
                Map.of("custom_attributes", Map.of("plan", "pro", "notes", LONG))).expect(422).json();
        assertThat(error.get("errors").get("custom_attributes").get(0).asString()).isEqualTo("notes length should be < 1500");
        assertThat(team.admin().get(team.path("/conversations/" + id)).json().get("custom_attributes").toString())
                .isEqualTo("{\"plan\":\"pro\"}");
    }

    @Test
    void contactsHaveTheSameLimits() {
        JsonNode error = team.admin().post(team.path("/contacts"), Map.of("name", "Dora", "custom_attributes", Map.of("bio", LONG)))
                .expect(422).json();
        assertThat(error.get("message").asString()).isEqualTo("Custom attributes bio length should be < 1500");
        team.admin().put(team.path("/contacts/" + customer.contactId()), Map.of("additional_attributes", Map.of("seats", 99_999_999_999L)))
                .expect(422);
        assertThat(team.admin().get(team.path("/contacts/" + customer.contactId())).json().get("payload").get("additional_attributes")
                .has("seats")).isFalse();
    }

    @Test
    void aRuleSettingAnOverlongAttributeSkipsTheActionWithItsReason() {
        long ruleId = team.admin().post(team.path("/automation_rules"), Map.of("name", "Stamp", "event_name", "conversation_created",
                "conditions", List.of(), "actions", List.of(
                        Map.of("action_name", "set_custom_attribute", "action_params",
                                List.of(Map.of("key", "stamp", "value", LONG, "target", "conversation"))),
                        Map.of("action_name", "add_label", "action_params", List.of("stamped")))))
                .expect(200).json().get("id").asLong();
        long id = fixtures.conversation(customer, "hi");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                team.admin().get(team.path("/conversations/" + id)).json().get("labels").toString()).contains("stamped"));
        JsonNode actions = team.admin().get(team.path("/automation_rules/" + ruleId + "/executions")).expect(200).json()
                .get("payload").get(0).get("actions");
        assertThat(actions.get(0).get("outcome").asString()).isEqualTo("skipped: Custom attributes stamp length should be < 1500");
        assertThat(team.admin().get(team.path("/conversations/" + id)).json().get("custom_attributes").has("stamp")).isFalse();
    }

    private int conversationsOfContact() {
        List<JsonNode> list = new ArrayList<>();
        team.admin().get(team.path("/contacts/" + customer.contactId() + "/conversations")).expect(200).json().get("payload").forEach(list::add);
        return list.size();
    }
}
