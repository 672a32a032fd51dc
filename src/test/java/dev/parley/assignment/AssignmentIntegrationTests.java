package dev.parley.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Routing through the real stack: presence, limits, order, reopen policy, teams, the queue. */
class AssignmentIntegrationTests extends RoutingTest {

    AssignmentIntegrationTests() {
        super(WITHIN_A_SECOND);
    }

    @Test
    void seedScenarioReopenedConversationGoesToWhoeverIsOnline() {
        Inbox inbox = fixtures.inbox(team, alan, bea);
        Presences.set(team.agent(), team.accountId(), "online");
        Presences.set(beaApi, team.accountId(), "offline");
        Customer customer = fixtures.customer(inbox, "Carla");
        long id = resolvedByAlan(customer, "My order is late");

        Presences.set(team.agent(), team.accountId(), "offline");
        Presences.set(beaApi, team.accountId(), "online");
        anonymous().post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", "Still late!")).expect(200);

        awaitAssignee(id, bea.id());
        assertThat(thread(id)).contains("Unassigned: Alan Agent is offline", "Assigned to Bea Backup by Auto-assignment");
        JsonNode decision = team.admin().get(team.path("/conversations/" + id + "/assignment_decision")).expect(200).json().get("payload");
        assertThat(decision.get("chosen_user_id").asLong()).isEqualTo(bea.id());
        assertThat(verdicts(decision)).containsEntry(alan.id(), "offline").containsEntry(bea.id(), "available");
    }

    @Test
    void keepPolicyLeavesTheConversationWithTheOfflineAgentAsChatwootDoes() {
        Inbox inbox = fixtures.inbox(team, alan, bea);
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("auto_assignment_config", Map.of("reopen_assignee", "keep"))).expect(200);
        Presences.set(team.agent(), team.accountId(), "online");
        Customer customer = fixtures.customer(inbox, "Carla");
        long id = resolvedByAlan(customer, "hi");
        Presences.set(team.agent(), team.accountId(), "offline");
        Presences.set(beaApi, team.accountId(), "online");
        anonymous().post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", "again")).expect(200);
        pause();
        assertThat(assignee(id)).isEqualTo(alan.id());
    }

    @Test
    void neverPolicyRoutesEveryReopenAfresh() {
        Inbox inbox = fixtures.inbox(team, alan, bea);
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("auto_assignment_config", Map.of("reopen_assignee", "never"))).expect(200);
        Presences.set(team.agent(), team.accountId(), "online");
        Customer customer = fixtures.customer(inbox, "Carla");
        long id = resolvedByAlan(customer, "hi");
        Presences.set(beaApi, team.accountId(), "online");
        anonymous().post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", "again")).expect(200);
        awaitAssignee(id, bea.id()); // round robin: Bea has never had one
        assertThat(thread(id)).contains("Unassigned: reopened conversations are routed afresh in this inbox");
    }

    @Test
    void limitOfOneQueuesTheRestAndBackfillsTheMomentRoomAppears() {
        Inbox inbox = fixtures.inbox(team, alan, bea);
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("auto_assignment_config", Map.of("max_assignment_limit", 1))).expect(200);
        Presences.set(team.agent(), team.accountId(), "online");
        long first = fixtures.conversation(fixtures.customer(inbox, "One"), "first");
        awaitAssignee(first, alan.id());
        long second = fixtures.conversation(fixtures.customer(inbox, "Two"), "second");
        long third = fixtures.conversation(fixtures.customer(inbox, "Three"), "third");
        pause();
        assertThat(assignee(second)).isNull();

        JsonNode queue = team.admin().get(team.path("/inboxes/" + inbox.id() + "/assignment_queue")).expect(200).json();
        assertThat(queue.get("payload").get(0).get("conversation_id").asLong()).isEqualTo(second);
        assertThat(queue.get("payload").get(0).get("position").asInt()).isEqualTo(1);
        assertThat(queue.get("payload").get(0).get("reason").asString()).isEqualTo("everyone online is at their limit");

        team.agent().post(team.path("/conversations/" + first + "/toggle_status"), Map.of("status", "resolved")).expect(200);
        awaitAssignee(second, alan.id());
        assertThat(assignee(third)).isNull();
        Presences.set(beaApi, team.accountId(), "online");
        awaitAssignee(third, bea.id());
    }

    @Test
    void busyAndOfflineAgentsGetNothing() {
        Inbox inbox = fixtures.inbox(team, alan, bea);
        Presences.set(team.agent(), team.accountId(), "busy");
        long id = fixtures.conversation(fixtures.customer(inbox, "Quiet"), "hello?");
        pause();
        assertThat(assignee(id)).isNull();
        JsonNode queue = team.admin().get(team.path("/inboxes/" + inbox.id() + "/assignment_queue")).json();
        assertThat(queue.get("payload").get(0).get("reason").asString()).isEqualTo("no one is online");
        Presences.set(team.agent(), team.accountId(), "online");
        awaitAssignee(id, alan.id());
    }

    @Test
    void roundRobinRotatesThroughAvailableAgents() {
        Inbox inbox = fixtures.inbox(team, alan, bea);
        Presences.set(team.agent(), team.accountId(), "online");
        Presences.set(beaApi, team.accountId(), "online");
        List<Long> assignees = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long id = fixtures.conversation(fixtures.customer(inbox, "C" + i), "hi");
            await().atMost(WITHIN_A_SECOND.multipliedBy(2)).until(() -> assignee(id) != null);
            assignees.add(assignee(id));
        }
        assertThat(assignees).containsExactly(alan.id(), bea.id(), alan.id(), bea.id());
    }

    @Test
    void balancedPicksTheLeastLoadedAgent() {
        Inbox inbox = fixtures.inbox(team, alan, bea);
        long policy = team.admin().post(team.path("/assignment_policies"), Map.of("name", "Balanced", "assignment_order", "balanced"))
                .expect(200).json().get("id").asLong();
        team.admin().post(team.path("/inboxes/" + inbox.id() + "/assignment_policy"), Map.of("assignment_policy_id", policy)).expect(200);
        for (int i = 0; i < 2; i++) {
            long id = fixtures.conversation(fixtures.customer(inbox, "Pre" + i), "hi");
            team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", alan.id())).expect(200);
        }
        long other = fixtures.conversation(fixtures.customer(inbox, "Pre-b"), "hi");
        team.admin().post(team.path("/conversations/" + other + "/assignments"), Map.of("assignee_id", bea.id())).expect(200);
        Presences.set(team.agent(), team.accountId(), "online");
        Presences.set(beaApi, team.accountId(), "online");
        long id = fixtures.conversation(fixtures.customer(inbox, "New"), "hi");
        awaitAssignee(id, bea.id());
    }

    @Test
    void fairDistributionLimitsAssignmentsPerWindow() {
        Inbox inbox = fixtures.inbox(team, alan);
        long policy = team.admin().post(team.path("/assignment_policies"),
                Map.of("name", "Fair", "fair_distribution_limit", 2, "fair_distribution_window", 3600)).expect(200).json().get("id").asLong();
        team.admin().post(team.path("/inboxes/" + inbox.id() + "/assignment_policy"), Map.of("assignment_policy_id", policy)).expect(200);
        Presences.set(team.agent(), team.accountId(), "online");
        long a = fixtures.conversation(fixtures.customer(inbox, "A"), "hi");
        awaitAssignee(a, alan.id());
        long b = fixtures.conversation(fixtures.customer(inbox, "B"), "hi");
        awaitAssignee(b, alan.id());
        long c = fixtures.conversation(fixtures.customer(inbox, "C"), "hi");
        pause();
        assertThat(assignee(c)).isNull();
        JsonNode queue = team.admin().get(team.path("/inboxes/" + inbox.id() + "/assignment_queue")).json();
        assertThat(queue.get("payload").get(0).get("reason").asString()).isEqualTo("everyone online is at their limit");
    }

    @Test
    void accountWideLimitCountsOpenConversationsInEveryInbox() {
        Inbox first = fixtures.inbox(team, alan);
        Inbox second = fixtures.inbox(team, alan);
        long policy = team.admin().post(team.path("/assignment_policies"), Map.of("name", "Cap", "account_capacity_limit", 1))
                .expect(200).json().get("id").asLong();
        team.admin().post(team.path("/inboxes/" + second.id() + "/assignment_policy"), Map.of("assignment_policy_id", policy)).expect(200);
        Presences.set(team.agent(), team.accountId(), "online");
        long a = fixtures.conversation(fixtures.customer(first, "A"), "hi");
        awaitAssignee(a, alan.id());
        long b = fixtures.conversation(fixtures.customer(second, "B"), "hi");
        pause();
        assertThat(assignee(b)).isNull();
    }

    @Test
    void teamRulesPickATeamMemberEvenWithInboxAutoAssignmentOff() {
        Inbox inbox = fixtures.inbox(team, alan, bea);
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("enable_auto_assignment", false)).expect(200);
        Presences.set(team.agent(), team.accountId(), "online");
        Presences.set(beaApi, team.accountId(), "online");
        long teamId = team.admin().post(team.path("/teams"), Map.of("name", "Tier 2")).expect(200).json().get("id").asLong();
        team.admin().post(team.path("/teams/" + teamId + "/team_members"), Map.of("user_ids", List.of(bea.id()))).expect(200);
        long id = fixtures.conversation(fixtures.customer(inbox, "Escalated"), "help");
        pause();
        assertThat(assignee(id)).isNull();
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("team_id", teamId)).expect(200);
        awaitAssignee(id, bea.id());
    }

    @Test
    void unassigningAnOpenConversationRoutesItAgain() {
        Inbox inbox = fixtures.inbox(team, alan, bea);
        Presences.set(beaApi, team.accountId(), "online");
        long id = fixtures.conversation(fixtures.customer(inbox, "X"), "hi");
        awaitAssignee(id, bea.id());
        Presences.set(beaApi, team.accountId(), "offline");
        Presences.set(team.agent(), team.accountId(), "online");
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", (Object) "nil")).expect(200);
        awaitAssignee(id, alan.id());
    }

    @Test
    void aNewMemberOrARaisedLimitTakesFromTheQueue() {
        Inbox inbox = fixtures.inbox(team, alan);
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("auto_assignment_config", Map.of("max_assignment_limit", 1))).expect(200);
        Presences.set(team.agent(), team.accountId(), "online");
        Presences.set(beaApi, team.accountId(), "online");
        long a = fixtures.conversation(fixtures.customer(inbox, "A"), "hi");
        awaitAssignee(a, alan.id());
        long b = fixtures.conversation(fixtures.customer(inbox, "B"), "hi");
        long c = fixtures.conversation(fixtures.customer(inbox, "C"), "hi");
        team.admin().post(team.path("/inbox_members"), Map.of("inbox_id", inbox.id(), "user_ids", List.of(bea.id()))).expect(200);
        awaitAssignee(b, bea.id());
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("auto_assignment_config", Map.of("max_assignment_limit", 2))).expect(200);
        await().atMost(WITHIN_A_SECOND).until(() -> assignee(c) != null);
    }

    @Test
    void manualAssignmentRefusesAgentsOutsideTheInbox() {
        Inbox inbox = fixtures.inbox(team, alan);
        long id = fixtures.conversation(fixtures.customer(inbox, "X"), "hi");
        JsonNode error = team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", bea.id())).expect(422).json();
        assertThat(error.get("attributes").get(0).asString()).isEqualTo("assignee_id");
        Team other = fixtures.account();
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", other.agentUser().id())).expect(422);
    }

    @Test
    void heartbeatKeepsAnAutoOfflineAgentOnlineAndItsTimeoutIsAnnounced() {
        Inbox inbox = fixtures.inbox(team, alan);
        team.agent().post("/api/v1/profile/availability", Map.of("profile", Map.of("availability", "online", "account_id", team.accountId())))
                .expect(200);
        long id = fixtures.conversation(fixtures.customer(inbox, "X"), "hi");
        pause();
        assertThat(assignee(id)).as("auto_offline without heartbeat is offline").isNull();
        JsonNode beat = team.agent().post("/api/v1/profile/presence", Map.of("account_id", team.accountId())).expect(200).json();
        assertThat(beat.get("online").asBoolean()).isTrue();
        awaitAssignee(id, alan.id());
        assertThat(events.ofType(dev.parley.presence.AgentPresenceChanged.class))
                .anyMatch(e -> e.userId() == alan.id() && e.online() && e.reason().equals("heartbeat"));
        team.agent().post("/api/v1/profile/presence", Map.of("account_id", team.accountId() + 999999)).expect(404);
    }

    private static Map<Long, String> verdicts(JsonNode decision) {
        var verdicts = new java.util.HashMap<Long, String>();
        decision.get("candidates").forEach(c -> verdicts.put(c.get("user_id").asLong(), c.get("verdict").asString()));
        return verdicts;
    }
}
