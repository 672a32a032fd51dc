package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.Fixtures.User;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The list's scopes (mentions, participating, unattended) and sort orders, bulk actions by ids and by
 * filter, the unread mark, typing signals and canned responses, through HTTP and PostgreSQL.
 */
class ListScopesAndBulkIntegrationTests extends IntegrationTest {

    private Team team;
    private Inbox inbox;

    @BeforeEach
    void world() {
        team = fixtures.account();
        inbox = fixtures.inbox(team, team.agentUser());
    }

    @Test
    void mentionsParticipatingAndUnattendedScopesListTheRightConversations() {
        long mentioned = conversation("Mia", "hello");
        long answered = conversation("Ann", "hi");
        long untouched = conversation("Ola", "hey");
        team.admin().post(team.path("/conversations/" + mentioned + "/messages"), Map.of("private", true,
                "content", "[@" + team.agentUser().name() + "](mention://user/" + team.agentUser().id() + "/x) can you look?")).expect(200);
        team.agent().post(team.path("/conversations/" + answered + "/messages"), Map.of("content", "On it")).expect(200);

        assertThat(list("conversation_type=mention&assignee_type=all")).containsExactly(mentioned);
        assertThat(list("conversation_type=participating&assignee_type=all")).containsExactly(answered);
        // answered has a first reply and no one waiting; the other two still wait for a human
        assertThat(list("conversation_type=unattended&assignee_type=all")).containsExactlyInAnyOrder(mentioned, untouched);
        var bad = team.agent().get(team.path("/conversations?conversation_type=vip"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("conversation_type");
    }

    @Test
    void aMentionOfSomeoneOutsideTheAccountIsNotRecorded() {
        Team other = fixtures.account();
        long id = conversation("Mia", "hello");
        team.admin().post(team.path("/conversations/" + id + "/messages"), Map.of("private", true,
                "content", "[@Stranger](mention://user/" + other.agentUser().id() + "/Stranger) see this")).expect(200);
        assertThat(other.agent().get(other.path("/conversations?conversation_type=mention&assignee_type=all")).expect(200)
                .json().get("data").get("payload").size()).isZero();
    }

    @Test
    void allEightSortOrdersAreAccepted_andPriorityAscendingPutsLowBeforeUrgent() {
        long low = conversation("Lou", "a");
        long urgent = conversation("Uma", "b");
        team.agent().post(team.path("/conversations/" + low + "/toggle_priority"), Map.of("priority", "low")).expect(200);
        team.agent().post(team.path("/conversations/" + urgent + "/toggle_priority"), Map.of("priority", "urgent")).expect(200);
        for (String order : ConversationFilter.SORT_ORDERS) assertThat(list("assignee_type=all&sort_by=" + order)).hasSize(2);
        assertThat(list("assignee_type=all&sort_by=priority_desc")).containsExactly(urgent, low);
        assertThat(list("assignee_type=all&sort_by=priority_asc")).containsExactly(low, urgent);
        assertThat(list("assignee_type=all&sort_by=waiting_since_asc")).containsExactly(low, urgent);
        assertThat(list("assignee_type=all&sort_by=waiting_since_desc")).containsExactly(urgent, low);
    }

    @Test
    void bulkAssignsTeamsLabelsAndStatusesAndReportsWhatItRefused() {
        User outsider = fixtures.user("Olga Outsider", team.accountId(), "agent");
        long first = conversation("Fay", "1");
        long second = conversation("Gus", "2");
        long teamId = team.admin().post(team.path("/teams"), Map.of("name", "Billing")).expect(200).json().get("id").asLong();
        team.admin().post(team.path("/teams/" + teamId + "/team_members"), Map.of("user_ids", List.of(team.agentUser().id()))).expect(200);

        JsonNode assigned = team.agent().post(team.path("/bulk_actions"), Map.of("type", "Conversation", "ids", List.of(first, second, 999999),
                "fields", Map.of("assignee_id", team.agentUser().id(), "team_id", teamId), "labels", Map.of("add", List.of("billing")))).expect(200).json();
        assertThat(assigned.get("count").asInt()).isEqualTo(2);
        assertThat(assigned.get("refused").get(0).get("id").asLong()).isEqualTo(999999);
        for (long id : List.of(first, second)) {
            JsonNode c = team.agent().get(team.path("/conversations/" + id)).expect(200).json();
            assertThat(c.get("meta").get("assignee").get("id").asLong()).isEqualTo(team.agentUser().id());
            assertThat(c.get("team_id").asLong()).isEqualTo(teamId);
            assertThat(c.get("labels").get(0).asString()).isEqualTo("billing");
        }

        // an agent who is not in the inbox cannot take its conversations: refused, nothing changes
        JsonNode refused = team.admin().post(team.path("/bulk_actions"), Map.of("ids", List.of(first), "fields", Map.of("assignee_id", outsider.id())))
                .expect(200).json();
        assertThat(refused.get("count").asInt()).isZero();
        assertThat(refused.get("refused").get(0).get("reason").asString()).contains("inbox");

        java.util.HashMap<String, Object> unassign = new java.util.HashMap<>();
        unassign.put("assignee_id", null);
        unassign.put("status", "resolved");
        team.agent().post(team.path("/bulk_actions"), Map.of("ids", List.of(first, second), "fields", unassign,
                "labels", Map.of("remove", List.of("billing")))).expect(200);
        for (long id : List.of(first, second)) {
            JsonNode c = team.agent().get(team.path("/conversations/" + id)).expect(200).json();
            assertThat(c.get("status").asString()).isEqualTo("resolved");
            assertThat(c.get("meta").get("assignee").isNull()).isTrue();
            assertThat(c.get("labels").size()).isZero();
        }
    }

    @Test
    void bulkByFilterActsOnEveryMatchingConversationAndNothingElse() {
        Inbox otherInbox = fixtures.inbox(team, team.agentUser());
        List<Long> here = new ArrayList<>();
        for (int i = 0; i < 30; i++) here.add(conversation("C" + i, "hi")); // more than one page of 25
        long elsewhere = fixtures.conversation(fixtures.customer(otherInbox, "Elsa"), "hello");

        JsonNode result = team.agent().post(team.path("/bulk_actions"), Map.of("filter", Map.of("inbox_id", inbox.id(), "status", "open",
                "assignee_type", "all"), "fields", Map.of("status", "resolved"))).expect(200).json();
        assertThat(result.get("count").asInt()).isEqualTo(30);
        assertThat(list("assignee_type=all&status=resolved&inbox_id=" + inbox.id() + "&page=1")).hasSize(25);
        assertThat(team.agent().get(team.path("/conversations/" + elsewhere)).expect(200).json().get("status").asString()).isEqualTo("open");
    }

    @Test
    void bulkWithoutAnyChangeIsRefusedAndChangesNothing() {
        long id = conversation("Nia", "hi");
        var response = team.agent().post(team.path("/bulk_actions"), Map.of("ids", List.of(id), "fields", Map.of()));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("fields");
        assertThat(team.agent().post(team.path("/bulk_actions"), Map.of("ids", List.of(id), "fields", Map.of("team_id", "abc"))).status())
                .isEqualTo(422);
        assertThat(team.agent().get(team.path("/conversations/" + id)).expect(200).json().get("status").asString()).isEqualTo("open");
    }

    @Test
    void unreadCountFollowsTheAgentsReadMark() {
        Customer customer = fixtures.customer(inbox, "Rea");
        long id = fixtures.conversation(customer, "one");
        anonymous().post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", "two")).expect(200);
        assertThat(unread(id)).isEqualTo(2);
        team.agent().post(team.path("/conversations/" + id + "/update_last_seen"), Map.of()).expect(200);
        assertThat(unread(id)).isZero();
        JsonNode marked = team.agent().post(team.path("/conversations/" + id + "/unread"), Map.of()).expect(200).json();
        assertThat(marked.get("unread_count").asInt()).isEqualTo(1);
    }

    @Test
    void typingIsAnnouncedToWebhooksAndRejectsUnknownStates() {
        long hook = team.admin().post(team.path("/webhooks"), Map.of("url", "http://127.0.0.1:9/typing", "subscriptions",
                List.of("conversation_typing_on", "conversation_typing_off"))).expect(200).json().get("payload").get("webhook").get("id").asLong();
        long id = conversation("Tia", "hi");
        team.agent().post(team.path("/conversations/" + id + "/toggle_typing_status"), Map.of("typing_status", "on")).expect(200);
        team.agent().post(team.path("/conversations/" + id + "/toggle_typing_status"), Map.of("typing_status", "off")).expect(200);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode deliveries = team.admin().get(team.path("/webhooks/" + hook + "/deliveries")).expect(200).json().get("payload");
            List<String> names = new ArrayList<>();
            deliveries.forEach(d -> names.add(d.get("event").asString()));
            assertThat(names).containsExactlyInAnyOrder("conversation_typing_on", "conversation_typing_off");
        });
        assertThat(team.agent().post(team.path("/conversations/" + id + "/toggle_typing_status"), Map.of("typing_status", "maybe")).status())
                .isEqualTo(422);
    }

    @Test
    void cannedResponsesAreSearchedByShortCodeFirstAndOnlyAdministratorsWriteThem() {
        team.admin().post(team.path("/canned_responses"), Map.of("canned_response", Map.of("short_code", "refund", "content", "Your refund is on its way")))
                .expect(200);
        team.admin().post(team.path("/canned_responses"), Map.of("short_code", "hello", "content", "Hello! About your refund...")).expect(200);
        JsonNode found = team.agent().get(team.path("/canned_responses?search=refund")).expect(200).json();
        assertThat(found.get(0).get("short_code").asString()).isEqualTo("refund");
        assertThat(found.size()).isEqualTo(2);
        assertThat(team.agent().post(team.path("/canned_responses"), Map.of("short_code", "mine", "content", "x")).status()).isEqualTo(401);
        assertThat(team.admin().post(team.path("/canned_responses"), Map.of("short_code", "refund", "content", "again")).status()).isEqualTo(422);
    }

    private long conversation(String name, String message) {
        return fixtures.conversation(fixtures.customer(inbox, name), message);
    }

    private int unread(long id) {
        return team.agent().get(team.path("/conversations/" + id)).expect(200).json().get("unread_count").asInt();
    }

    private List<Long> list(String query) {
        JsonNode payload = team.agent().get(team.path("/conversations?" + query)).expect(200).json().get("data").get("payload");
        List<Long> ids = new ArrayList<>();
        payload.forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }
}
