package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Chatwoot's POST /conversations/filter through HTTP and PostgreSQL: attributes, operators, AND/OR, refusals. */
class AdvancedFilterIntegrationTests extends IntegrationTest {

    private Team team;
    private Inbox inbox;
    private long billingUrgent;
    private long billingLow;
    private long plain;

    @BeforeEach
    void world() {
        team = fixtures.account();
        inbox = fixtures.inbox(team, team.agentUser());
        billingUrgent = fixtures.conversation(fixtures.customer(inbox, "Ursula"), "refund now");
        billingLow = fixtures.conversation(fixtures.customer(inbox, "Lars"), "invoice copy");
        plain = fixtures.conversation(fixtures.customer(inbox, "Pia"), "hello");
        for (long id : List.of(billingUrgent, billingLow)) {
            team.agent().post(team.path("/conversations/" + id + "/labels"), Map.of("labels", List.of("billing"))).expect(200);
        }
        team.agent().post(team.path("/conversations/" + billingUrgent + "/toggle_priority"), Map.of("priority", "urgent")).expect(200);
        team.agent().post(team.path("/conversations/" + billingLow + "/toggle_priority"), Map.of("priority", "low")).expect(200);
        team.agent().post(team.path("/conversations/" + plain + "/custom_attributes"), Map.of("custom_attributes", Map.of("order_total", 750)))
                .expect(200);
        team.agent().post(team.path("/conversations/" + plain + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);
    }

    @Test
    void labelsPriorityAndOrFollowSqlPrecedence() {
        // labels = billing AND priority = urgent OR status = resolved: (billing AND urgent) OR resolved
        assertThat(filter(row("labels", "equal_to", List.of("billing"), "and"), row("priority", "equal_to", List.of("urgent"), "or"),
                row("status", "equal_to", List.of("resolved"), null))).containsExactly(billingUrgent);
        assertThat(filter(row("labels", "equal_to", List.of("billing"), null))).containsExactlyInAnyOrder(billingUrgent, billingLow);
        assertThat(filter(row("labels", "is_not_present", List.of(), null))).containsExactly(plain);
        assertThat(filter(row("priority", "not_equal_to", List.of("urgent"), null))).containsExactlyInAnyOrder(billingLow, plain);
    }

    @Test
    void assigneeContactAndCustomAttributesAndDates() {
        assertThat(filter(row("assignee_id", "equal_to", List.of(team.agentUser().id()), null))).containsExactly(plain);
        assertThat(filter(row("assignee_id", "is_not_present", List.of(), null))).containsExactlyInAnyOrder(billingUrgent, billingLow);
        assertThat(filter(row("name", "contains", List.of("urs"), null))).containsExactly(billingUrgent);
        assertThat(filter(Map.of("attribute_key", "order_total", "filter_operator", "is_greater_than", "values", List.of(500),
                "custom_attribute_type", "conversation_attribute"))).containsExactly(plain);
        assertThat(filter(row("created_at", "is_greater_than", List.of("2000-01-01"), null))).hasSize(3);
        assertThat(filter(row("created_at", "days_before", List.of(3), null))).isEmpty();
    }

    @Test
    void unknownAttributesOperatorsAndBadValuesAreRefused() {
        for (Map<String, Object> bad : List.of(row("status", "sounds_like", List.of("open"), null), row("status'; DROP TABLE x; --", "equal_to",
                List.of("open"), null), row("created_at", "is_greater_than", List.of("yesterday"), null), row("status", "equal_to", List.of(), null))) {
            var response = team.agent().post(team.path("/conversations/filter"), Map.of("payload", List.of(bad)));
            assertThat(response.status()).as(bad.toString()).isEqualTo(422);
        }
        assertThat(team.agent().post(team.path("/conversations/filter"), Map.of("payload", List.of())).status()).isEqualTo(422);
    }

    @Test
    void anotherAccountsConversationsNeverMatch() {
        Team other = fixtures.account();
        JsonNode answer = other.agent().post(other.path("/conversations/filter"), Map.of("payload",
                List.of(row("labels", "equal_to", List.of("billing"), null)))).expect(200).json();
        assertThat(answer.get("payload").size()).isZero();
        assertThat(answer.get("meta").get("all_count").asLong()).isZero();
    }

    @Test
    void foldersArePersonalAndKeepTheirQuery() {
        long folder = team.agent().post(team.path("/custom_filters"), Map.of("custom_filter", Map.of("name", "Billing", "type", "conversation",
                "query", Map.of("payload", List.of(row("labels", "equal_to", List.of("billing"), null)))))).expect(200).json().get("id").asLong();
        JsonNode mine = team.agent().get(team.path("/custom_filters?filter_type=conversation")).expect(200).json();
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("query").get("payload").get(0).get("attribute_key").asString()).isEqualTo("labels");
        // the administrator of the same account has her own folders and cannot touch this one
        assertThat(team.admin().get(team.path("/custom_filters")).expect(200).json().size()).isZero();
        assertThat(team.admin().get(team.path("/custom_filters/" + folder)).status()).isEqualTo(404);
        assertThat(team.admin().delete(team.path("/custom_filters/" + folder)).status()).isEqualTo(404);
        team.agent().patch(team.path("/custom_filters/" + folder), Map.of("name", "Money")).expect(200);
        assertThat(team.agent().get(team.path("/custom_filters/" + folder)).expect(200).json().get("name").asString()).isEqualTo("Money");
    }

    private static Map<String, Object> row(String key, String operator, List<?> values, String join) {
        var row = new java.util.HashMap<String, Object>();
        row.put("attribute_key", key);
        row.put("filter_operator", operator);
        row.put("values", values);
        row.put("query_operator", join);
        return row;
    }

    @SafeVarargs
    private List<Long> filter(Map<String, Object>... rows) {
        JsonNode answer = team.agent().post(team.path("/conversations/filter"), Map.of("payload", List.of(rows))).expect(200).json();
        List<Long> ids = new ArrayList<>();
        answer.get("payload").forEach(c -> ids.add(c.get("id").asLong()));
        assertThat(answer.get("meta").get("all_count").asLong()).isEqualTo(ids.size());
        return ids;
    }
}
