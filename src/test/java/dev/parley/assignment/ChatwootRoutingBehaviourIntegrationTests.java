package dev.parley.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Routing behaviour Chatwoot's own specs pin down: a disabled assignment policy stops auto-assignment,
 * a team closed to auto-assignment gets nothing through inbox routing, a reopened conversation whose
 * assignee left the inbox is routed again, and the team line names who changed the team.
 */
class ChatwootRoutingBehaviourIntegrationTests extends RoutingTest {

    ChatwootRoutingBehaviourIntegrationTests() {
        super(Duration.ofSeconds(3));
    }

    @Test
    void aDisabledPolicyStopsAutoAssignmentAndEnablingItResumes() {
        Inbox inbox = fixtures.inbox(team, alan);
        long policy = team.admin().post(team.path("/assignment_policies"), Map.of("name", "Weekdays", "enabled", false))
                .expect(200).json().get("id").asLong();
        team.admin().post(team.path("/inboxes/" + inbox.id() + "/assignment_policy"), Map.of("assignment_policy_id", policy)).expect(200);
        Presences.set(team.agent(), team.accountId(), "online");

        long id = fixtures.conversation(fixtures.customer(inbox, "Carla"), "hello?");
        pause();
        assertThat(assignee(id)).as("no fallback to the inbox's defaults").isNull();
        String reason = "the inbox's assignment policy Weekdays is disabled";
        JsonNode queue = team.admin().get(team.path("/inboxes/" + inbox.id() + "/assignment_queue")).expect(200).json();
        assertThat(queue.get("payload").get(0).get("reason").asString()).isEqualTo(reason);
        assertThat(decision(id).get("reason").asString()).isEqualTo(reason);
        assertThat(decision(id).get("outcome").asString()).isEqualTo("waiting");

        Presences.set(beaApi, team.accountId(), "online");
        team.admin().post(team.path("/inbox_members"), Map.of("inbox_id", inbox.id(), "user_ids", List.of(bea.id()))).expect(200);
        pause();
        assertThat(assignee(id)).as("backfill stays off too").isNull();

        team.admin().patch(team.path("/assignment_policies/" + policy), Map.of("enabled", true)).expect(200);
        await().atMost(WITHIN_A_SECOND).pollInterval(Duration.ofMillis(25)).until(() -> assignee(id) != null);
        assertThat(decision(id).get("outcome").asString()).isEqualTo("assigned");
    }

    @Test
    void aPolicyDisabledLaterStopsRoutingOfReopenedConversations() {
        Inbox inbox = fixtures.inbox(team, alan, bea);
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("auto_assignment_config", Map.of("reopen_assignee", "never"))).expect(200);
        long policy = team.admin().post(team.path("/assignment_policies"), Map.of("name", "Day shift"))
                .expect(200).json().get("id").asLong();
        team.admin().post(team.path("/inboxes/" + inbox.id() + "/assignment_policy"), Map.of("assignment_policy_id", policy)).expect(200);
        Presences.set(team.agent(), team.accountId(), "online");
        Customer customer = fixtures.customer(inbox, "Carla");
        long id = resolvedByAlan(customer, "hi");

        team.admin().patch(team.path("/assignment_policies/" + policy), Map.of("enabled", false)).expect(200);
        Presences.set(beaApi, team.accountId(), "online");
        anonymous().post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", "again")).expect(200);
        pause();
        assertThat(assignee(id)).as("nobody would route it again, so the reopen keeps the assignee").isEqualTo(alan.id());
        long second = fixtures.conversation(fixtures.customer(inbox, "Dora"), "new one");
        pause();
        assertThat(assignee(second)).isNull();
    }

    @Test
    void aTeamThatDoesNotAllowAutoAssignGetsNothingThroughInboxRouting() {
        Inbox inbox = fixtures.inbox(team, alan, bea);
        long closed = team.admin().post(team.path("/teams"), Map.of("name", "Legal", "allow_auto_assign", false)).expect(200).json().get("id").asLong();
        team.admin().post(team.path("/teams/" + closed + "/team_members"), Map.of("user_ids", List.of(bea.id()))).expect(200);
        long teamed = fixtures.conversation(fixtures.customer(inbox, "Lawyer"), "contract");
        team.admin().post(team.path("/conversations/" + teamed + "/assignments"), Map.of("team_id", closed)).expect(200);
        long plain = fixtures.conversation(fixtures.customer(inbox, "Plain"), "hi");

        Presences.set(beaApi, team.accountId(), "online");
        await().atMost(WITHIN_A_SECOND).until(() -> assignee(plain) != null);
        pause();
        assertThat(assignee(teamed)).as("kept for a manual assignment").isNull();
        String reason = "the team legal does not allow auto-assignment";
        assertThat(decision(teamed).get("reason").asString()).isEqualTo(reason);
        JsonNode queue = team.admin().get(team.path("/inboxes/" + inbox.id() + "/assignment_queue")).expect(200).json();
        assertThat(queue.get("payload").get(0).get("conversation_id").asLong()).isEqualTo(teamed);
        assertThat(queue.get("payload").get(0).get("reason").asString()).isEqualTo(reason);

        team.admin().post(team.path("/conversations/" + teamed + "/assignments"), Map.of("assignee_id", bea.id())).expect(200);
        assertThat(assignee(teamed)).isEqualTo(bea.id());
    }

    @Test
    void anAgentReopeningAConversationOfSomeoneWhoLeftTheInboxRoutesItAgain() {
        Inbox inbox = fixtures.inbox(team, alan, bea);
        Presences.set(team.agent(), team.accountId(), "online");
        long id = resolvedByAlan(fixtures.customer(inbox, "Carla"), "hi");
        team.admin().delete(team.path("/inbox_members"), Map.of("inbox_id", inbox.id(), "user_ids", List.of(alan.id()))).expect(200);
        Presences.set(beaApi, team.accountId(), "online");

        team.admin().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "open")).expect(200);
        awaitAssignee(id, bea.id());
        assertThat(thread(id)).contains("Unassigned: Alan Agent is no longer a member of this inbox",
                "Assigned to Bea Backup by Auto-assignment");
    }

    @Test
    void anAgentReopeningKeepsAnAssigneeWhoIsStillAMember() {
        Inbox inbox = fixtures.inbox(team, alan, bea);
        Presences.set(team.agent(), team.accountId(), "online");
        long id = resolvedByAlan(fixtures.customer(inbox, "Carla"), "hi");
        Presences.set(team.agent(), team.accountId(), "offline");
        Presences.set(beaApi, team.accountId(), "online");
        team.admin().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "open")).expect(200);
        pause();
        assertThat(assignee(id)).as("Parley's reopen policy is about customers; an agent's reopen keeps the member").isEqualTo(alan.id());
    }

    @Test
    void aRuleReopeningAConversationOfSomeoneWhoLeftTheInboxRoutesItAgain() {
        Inbox inbox = fixtures.inbox(team, alan, bea);
        var condition = new HashMap<String, Object>(Map.of("attribute_key", "content", "filter_operator", "contains", "values", List.of("reopen please")));
        team.admin().post(team.path("/automation_rules"), Map.of("name", "Reopen on request", "event_name", "message_created",
                "conditions", List.of(condition), "actions", List.of(Map.of("action_name", "open_conversation", "action_params", List.of()))))
                .expect(200);
        Presences.set(team.agent(), team.accountId(), "online");
        long id = resolvedByAlan(fixtures.customer(inbox, "Carla"), "hi");
        team.admin().delete(team.path("/inbox_members"), Map.of("inbox_id", inbox.id(), "user_ids", List.of(alan.id()))).expect(200);
        Presences.set(beaApi, team.accountId(), "online");

        beaApi.post(team.path("/conversations/" + id + "/messages"), Map.of("content", "reopen please", "private", true)).expect(200);
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(25)).untilAsserted(() -> assertThat(assignee(id)).isEqualTo(bea.id()));
        assertThat(thread(id)).contains("Unassigned: Alan Agent is no longer a member of this inbox");
    }

    @Test
    void aCustomerReopeningAConversationOfSomeoneRemovedWhileItWasResolvedRoutesItAgain() {
        Inbox inbox = fixtures.inbox(team, alan, bea);
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("auto_assignment_config", Map.of("reopen_assignee", "keep"))).expect(200);
        Presences.set(team.agent(), team.accountId(), "online");
        Customer customer = fixtures.customer(inbox, "Carla");
        long id = resolvedByAlan(customer, "hi");
        team.admin().delete(team.path("/inbox_members"), Map.of("inbox_id", inbox.id(), "user_ids", List.of(alan.id()))).expect(200);
        Presences.set(beaApi, team.accountId(), "online");
        anonymous().post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", "again")).expect(200);
        awaitAssignee(id, bea.id());
    }

    @Test
    void aTeamChangeThatHandsTheConversationToAMemberNamesWhoChangedTheTeam() {
        Inbox inbox = fixtures.inbox(team, alan, bea);
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("enable_auto_assignment", false)).expect(200);
        long billing = team.admin().post(team.path("/teams"), Map.of("name", "Billing")).expect(200).json().get("id").asLong();
        team.admin().post(team.path("/teams/" + billing + "/team_members"), Map.of("user_ids", List.of(alan.id()))).expect(200);
        Presences.set(team.agent(), team.accountId(), "online");
        long id = fixtures.conversation(fixtures.customer(inbox, "Carla"), "invoice");

        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("team_id", billing)).expect(200);
        awaitAssignee(id, alan.id());
        assertThat(thread(id)).contains("Assigned to billing by Ada Admin", "Assigned to Alan Agent via billing by Ada Admin")
                .doesNotContain("Assigned to Alan Agent by Auto-assignment");
    }

    private JsonNode decision(long displayId) {
        return team.admin().get(team.path("/conversations/" + displayId + "/assignment_decision")).expect(200).json().get("payload");
    }
}
