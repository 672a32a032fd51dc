package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Api;
import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The life of a conversation as an agent and a customer see it, through both APIs. */
class ConversationLifecycleIntegrationTests extends IntegrationTest {

    private Team team;
    private Inbox inbox;
    private Customer customer;
    private Api publicApi;

    @BeforeEach
    void world() {
        team = fixtures.account();
        inbox = fixtures.inbox(team, team.agentUser());
        customer = fixtures.customer(inbox, "Carla Customer");
        publicApi = anonymous();
    }

    @Test
    void agentWorksAConversationFromFirstMessageToReopen() {
        long id = fixtures.conversation(customer, "My invoice is wrong");

        JsonNode list = team.agent().get(team.path("/conversations?status=open&assignee_type=unassigned")).expect(200).json();
        assertThat(ids(list.get("data").get("payload"))).contains(id);
        assertThat(list.get("data").get("meta").get("unassigned_count").asLong()).isEqualTo(1);

        JsonNode opened = team.agent().get(team.path("/conversations/" + id)).expect(200).json();
        assertThat(opened.get("meta").get("sender").get("name").asString()).isEqualTo("Carla Customer");
        assertThat(opened.get("status").asString()).isEqualTo("open");
        assertThat(opened.get("waiting_since").isNull()).isFalse();

        team.agent().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "Let me check that")).expect(200);
        team.agent().post(team.path("/conversations/" + id + "/messages"),
                Map.of("content", "Customer is on the legacy plan", "private", true)).expect(200);
        team.agent().post(team.path("/conversations/" + id + "/labels"), Map.of("labels", List.of("billing"))).expect(200);
        JsonNode resolved = team.agent().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved"))
                .expect(200).json();
        assertThat(resolved.get("payload").get("current_status").asString()).isEqualTo("resolved");

        List<String> seenByCustomer = contents(publicApi.get(customer.conversationsPath() + "/" + id + "/messages").expect(200).json());
        assertThat(seenByCustomer).containsExactly("My invoice is wrong", "Let me check that");

        publicApi.post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", "Still wrong!")).expect(200);
        JsonNode reopened = team.agent().get(team.path("/conversations/" + id)).expect(200).json();
        assertThat(reopened.get("status").asString()).isEqualTo("open");
        assertThat(reopened.get("labels").get(0).asString()).isEqualTo("billing");

        List<String> thread = contents(team.agent().get(team.path("/conversations/" + id + "/messages")).expect(200).json().get("payload"));
        assertThat(thread).containsExactly(
                "My invoice is wrong",
                "Let me check that",
                "Customer is on the legacy plan",
                "Alan Agent added billing",
                "Conversation was marked resolved by Alan Agent",
                "Still wrong!",
                "System reopened the conversation due to a new incoming message.");
    }

    @Test
    void firstReplyEndsTheWaitAndIsRememberedOnce() {
        long id = fixtures.conversation(customer, "Hello?");
        team.agent().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "Hi!")).expect(200);
        JsonNode afterReply = team.agent().get(team.path("/conversations/" + id)).expect(200).json();
        assertThat(afterReply.get("waiting_since").isNull()).isTrue();
        long firstReply = afterReply.get("first_reply_created_at").asLong();
        assertThat(firstReply).isPositive();

        publicApi.post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", "Thanks, one more thing")).expect(200);
        assertThat(team.agent().get(team.path("/conversations/" + id)).json().get("waiting_since").isNull()).isFalse();
        team.agent().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "Sure")).expect(200);
        JsonNode later = team.agent().get(team.path("/conversations/" + id)).json();
        assertThat(later.get("first_reply_created_at").asLong()).isEqualTo(firstReply);
        assertThat(later.get("waiting_since").isNull()).isTrue();
    }

    @Test
    void privateNotesDoNotEndTheCustomersWait() {
        long id = fixtures.conversation(customer, "Hello?");
        team.agent().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "note", "private", true)).expect(200);
        JsonNode c = team.agent().get(team.path("/conversations/" + id)).json();
        assertThat(c.get("waiting_since").isNull()).isFalse();
        assertThat(c.get("first_reply_created_at").isNull()).isTrue();
    }

    @Test
    void snoozedConversationReopensWhenItsTimeComes() {
        long id = fixtures.conversation(customer, "Call me back tomorrow");
        long until = Instant.now().plusSeconds(2).getEpochSecond();
        JsonNode snoozed = team.agent().post(team.path("/conversations/" + id + "/toggle_status"),
                Map.of("status", "snoozed", "snoozed_until", until)).expect(200).json();
        assertThat(snoozed.get("payload").get("current_status").asString()).isEqualTo("snoozed");
        assertThat(snoozed.get("payload").get("snoozed_until").asLong()).isEqualTo(until);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(team.agent().get(team.path("/conversations/" + id)).json().get("status").asString()).isEqualTo("open"));
        assertThat(Instant.now().getEpochSecond()).isGreaterThanOrEqualTo(until);
        List<String> thread = contents(team.agent().get(team.path("/conversations/" + id + "/messages")).json().get("payload"));
        assertThat(thread).contains("Conversation was snoozed by Alan Agent", "Conversation was reopened by System because the snooze ended");
    }

    @Test
    void snoozingIntoThePastIsRefused() {
        long id = fixtures.conversation(customer, "Hi");
        JsonNode error = team.agent().post(team.path("/conversations/" + id + "/toggle_status"),
                Map.of("status", "snoozed", "snoozed_until", Instant.now().minusSeconds(60).getEpochSecond())).expect(422).json();
        assertThat(error.get("attributes").get(0).asString()).isEqualTo("snoozed_until");
        assertThat(team.agent().get(team.path("/conversations/" + id)).json().get("status").asString()).isEqualTo("open");
    }

    @Test
    void snoozedWithoutTimeReopensOnTheNextCustomerMessage() {
        long id = fixtures.conversation(customer, "Hi");
        team.agent().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "snoozed")).expect(200);
        publicApi.post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", "Anyone?")).expect(200);
        assertThat(team.agent().get(team.path("/conversations/" + id)).json().get("status").asString()).isEqualTo("open");
    }

    @Test
    void toggleWithoutStatusFlipsBetweenOpenAndResolved() {
        long id = fixtures.conversation(customer, "Hi");
        String path = team.path("/conversations/" + id + "/toggle_status");
        assertThat(team.admin().post(path, Map.of()).expect(200).json().get("payload").get("current_status").asString()).isEqualTo("resolved");
        assertThat(team.admin().post(path, Map.of()).expect(200).json().get("payload").get("current_status").asString()).isEqualTo("open");
    }

    @Test
    void anAgentReopeningAnUnassignedConversationTakesIt() {
        long id = fixtures.conversation(customer, "Hi");
        team.agent().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved")).expect(200);
        team.agent().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "open")).expect(200);
        assertThat(team.agent().get(team.path("/conversations/" + id)).json().get("meta").get("assignee").get("id").asLong())
                .isEqualTo(team.agentUser().id());
    }

    @Test
    void customerCanResolveTheirConversation() {
        long id = fixtures.conversation(customer, "Never mind, solved it");
        JsonNode resolved = publicApi.post(customer.conversationsPath() + "/" + id + "/toggle_status", Map.of()).expect(200).json();
        assertThat(resolved.get("status").asString()).isEqualTo("resolved");
        List<String> thread = contents(team.admin().get(team.path("/conversations/" + id + "/messages")).json().get("payload"));
        assertThat(thread).contains("Conversation was resolved by Carla Customer");
    }

    @Test
    void manualAssignmentAndTeamsWriteActivityLines() {
        long id = fixtures.conversation(customer, "Hi");
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);
        long teamId = team.admin().post(team.path("/teams"), Map.of("name", "Billing")).expect(200).json().get("id").asLong();
        team.admin().post(team.path("/teams/" + teamId + "/team_members"), Map.of("user_ids", List.of(team.agentUser().id()))).expect(200);
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("team_id", teamId)).expect(200);
        team.admin().post(team.path("/conversations/" + id + "/toggle_priority"), Map.of("priority", "high")).expect(200);
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", (Object) "nil")).expect(200);

        JsonNode c = team.admin().get(team.path("/conversations/" + id)).json();
        assertThat(c.get("meta").get("team").get("name").asString()).isEqualTo("billing");
        assertThat(c.get("priority").asString()).isEqualTo("high");
        assertThat(c.get("meta").get("assignee").isNull()).isTrue();
        List<String> thread = contents(team.admin().get(team.path("/conversations/" + id + "/messages")).json().get("payload"));
        assertThat(thread).contains("Assigned to Alan Agent by Ada Admin", "Assigned to billing by Ada Admin",
                "Ada Admin set the priority to high", "Conversation unassigned by Ada Admin");
    }

    @Test
    void teamChangeDropsAnAssigneeWhoIsNotInTheTeam() {
        long id = fixtures.conversation(customer, "Hi");
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);
        long teamId = team.admin().post(team.path("/teams"), Map.of("name", "Sales")).expect(200).json().get("id").asLong();
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("team_id", teamId)).expect(200);
        assertThat(team.admin().get(team.path("/conversations/" + id)).json().get("meta").get("assignee").isNull()).isTrue();
    }

    @Test
    void deletedMessagesKeepTheirPlaceButLoseTheirContent() {
        long id = fixtures.conversation(customer, "Hi");
        long messageId = team.agent().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "oops, wrong customer"))
                .expect(200).json().get("id").asLong();
        JsonNode deleted = team.agent().delete(team.path("/conversations/" + id + "/messages/" + messageId)).expect(200).json();
        assertThat(deleted.get("content").asString()).isEqualTo("This message was deleted");
        assertThat(deleted.get("content_attributes").get("deleted").asBoolean()).isTrue();
    }

    @Test
    void sameSourceIdIsStoredOnce() {
        long id = fixtures.conversation(customer, "Hi");
        var body = Map.of("content", "from the channel", "message_type", "incoming", "source_id", "ext-1");
        long first = team.agent().post(team.path("/conversations/" + id + "/messages"), body).expect(200).json().get("id").asLong();
        long second = team.agent().post(team.path("/conversations/" + id + "/messages"), body).expect(200).json().get("id").asLong();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void agentsAndCustomersSeeTheirConversationsOnly() {
        long id = fixtures.conversation(customer, "Hi");
        Customer other = fixtures.customer(inbox, "Otto Other");
        publicApi.get(other.conversationsPath() + "/" + id).expect(404);
        publicApi.get(other.conversationsPath() + "/" + id + "/messages").expect(404);

        var outsider = fixtures.user("Olga Outsider", team.accountId(), "agent");
        Api olga = team.agent().as(outsider.token());
        olga.get(team.path("/conversations/" + id)).expect(404);
        JsonNode list = olga.get(team.path("/conversations?status=all")).expect(200).json();
        assertThat(list.get("data").get("meta").get("all_count").asLong()).isZero();
    }

    @Test
    void listFiltersByStatusLabelsAndAssignee() {
        long first = fixtures.conversation(customer, "one");
        long second = fixtures.conversation(fixtures.customer(inbox, "Bea"), "two");
        team.agent().post(team.path("/conversations/" + first + "/labels"), Map.of("labels", List.of("vip"))).expect(200);
        team.agent().post(team.path("/conversations/" + second + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);

        assertThat(ids(team.agent().get(team.path("/conversations?labels[]=vip")).json().get("data").get("payload"))).containsExactly(first);
        JsonNode mine = team.agent().get(team.path("/conversations?assignee_type=me")).json().get("data");
        assertThat(ids(mine.get("payload"))).containsExactly(second);
        assertThat(mine.get("meta").get("mine_count").asLong()).isEqualTo(1);
        assertThat(mine.get("meta").get("all_count").asLong()).isEqualTo(2);
        team.agent().post(team.path("/conversations/" + first + "/toggle_status"), Map.of("status", "resolved")).expect(200);
        assertThat(ids(team.agent().get(team.path("/conversations?status=resolved")).json().get("data").get("payload"))).containsExactly(first);
    }

    static List<Long> ids(JsonNode payload) {
        var ids = new ArrayList<Long>();
        payload.forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }

    static List<String> contents(JsonNode messages) {
        var contents = new ArrayList<String>();
        messages.forEach(m -> contents.add(m.get("content").asString()));
        return contents;
    }
}
