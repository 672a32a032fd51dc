package dev.parley.notification;

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

/** Who is told what, through Chatwoot's notifications API: assignment, a customer's message, a mention; read marks. */
class NotificationIntegrationTests extends IntegrationTest {

    private Team team;
    private Inbox inbox;
    private Customer customer;
    private long id;

    @BeforeEach
    void world() {
        team = fixtures.account();
        inbox = fixtures.inbox(team, team.agentUser());
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("enable_auto_assignment", false)).expect(200);
        customer = fixtures.customer(inbox, "Nora");
        id = fixtures.conversation(customer, "hello");
    }

    @Test
    void assignmentCustomerMessagesAndMentionsNotifyTheRightPerson() {
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);
        await().atMost(Duration.ofSeconds(3)).until(() -> types().contains("conversation_assignment"));
        anonymous().post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", "are you there?")).expect(200);
        team.admin().post(team.path("/conversations/" + id + "/messages"), Map.of("private", true,
                "content", "[@Alan](mention://user/" + team.agentUser().id() + "/Alan) please answer")).expect(200);
        await().atMost(Duration.ofSeconds(3)).until(() -> types().size() == 3);
        assertThat(types()).containsExactlyInAnyOrder("conversation_assignment", "assigned_conversation_new_message", "conversation_mention");
        JsonNode page = team.agent().get(team.path("/notifications")).expect(200).json().get("data");
        assertThat(page.get("meta").get("unread_count").asLong()).isEqualTo(3);
        assertThat(page.get("payload").get(0).get("primary_actor_id").asLong()).isEqualTo(id);
        assertThat(team.agent().get(team.path("/notifications/unread_count")).expect(200).body()).isEqualTo("3");
        // the administrator who did all that was told nothing
        assertThat(team.admin().get(team.path("/notifications")).expect(200).json().get("data").get("payload").size()).isZero();
    }

    @Test
    void assigningYourselfTellsNobody() throws InterruptedException {
        team.agent().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);
        Thread.sleep(500);
        assertThat(types()).isEmpty();
    }

    @Test
    void readUnreadReadAllAndOnlyTheOwnerSeesANotification() {
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);
        await().atMost(Duration.ofSeconds(3)).until(() -> types().size() == 1);
        long notification = team.agent().get(team.path("/notifications")).json().get("data").get("payload").get(0).get("id").asLong();
        assertThat(team.agent().patch(team.path("/notifications/" + notification), Map.of()).expect(200).json().get("read_at").isNull()).isFalse();
        assertThat(unread()).isZero();
        team.agent().post(team.path("/notifications/" + notification + "/unread"), Map.of()).expect(200);
        assertThat(unread()).isEqualTo(1);
        team.agent().post(team.path("/notifications/read_all"), Map.of()).expect(200);
        assertThat(unread()).isZero();
        assertThat(team.admin().patch(team.path("/notifications/" + notification), Map.of()).status()).isEqualTo(404);
        assertThat(team.admin().delete(team.path("/notifications/" + notification)).status()).isEqualTo(404);
        team.agent().delete(team.path("/notifications/" + notification)).expect(200);
        assertThat(types()).isEmpty();
    }

    private long unread() {
        return team.agent().get(team.path("/notifications")).expect(200).json().get("data").get("meta").get("unread_count").asLong();
    }

    private List<String> types() {
        List<String> types = new ArrayList<>();
        team.agent().get(team.path("/notifications")).expect(200).json().get("data").get("payload")
                .forEach(n -> types.add(n.get("notification_type").asString()));
        return types;
    }
}
