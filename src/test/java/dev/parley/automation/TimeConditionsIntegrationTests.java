package dev.parley.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Api;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.Fixtures.User;
import dev.parley.support.TimedIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Conditions only time makes true, on durable timers and a test clock: the return timer (the assignee has not
 * replied for 10 minutes: the conversation goes to another online agent with room, and "Why?" says why; a reply
 * in time keeps it), and business hours with a lunch break deciding when a timer is due.
 */
class TimeConditionsIntegrationTests extends TimedIntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(30);

    @Test
    void theReturnTimerMovesTheConversationFromTheSilentAgentToAnotherOnlineAgentAndWhySaysWhy() {
        Team team = fixtures.account();
        User bea = fixtures.user("Bea Backup", team.accountId(), "agent");
        Inbox inbox = fixtures.inbox(team, team.agentUser(), bea);
        team.admin().post(team.path("/automation_rules"), Map.of("name", "Return timer", "event_name", "conversation_updated",
                "conditions", List.of(Map.of("attribute_key", "assignee_not_replied_for", "filter_operator", "is_greater_than", "values", List.of(10))),
                "actions", List.of(Map.of("action_name", "assign_another_online_agent", "action_params", List.of())))).expect(200);
        online(team.agent(), team.accountId());
        long silent = fixtures.conversation(fixtures.customer(inbox, "Silent"), "Help, please");
        long answered = fixtures.conversation(fixtures.customer(inbox, "Answered"), "Help, please");
        await().atMost(SOON).until(() -> assignee(team, silent) == team.agentUser().id() && assignee(team, answered) == team.agentUser().id());
        team.agent().post(team.path("/conversations/" + answered + "/messages"), Map.of("content", "On it")).expect(200);
        online(new Api(port, bea.token()), team.accountId());

        advance(Duration.ofMinutes(9));
        poller.fireDue();
        assertThat(assignee(team, silent)).as("nothing moves before 10 minutes").isEqualTo(team.agentUser().id());
        advance(Duration.ofMinutes(1).plusSeconds(1));
        await().atMost(SOON).until(() -> assignee(team, silent) == bea.id());
        assertThat(assignee(team, answered)).as("the agent who replied keeps the conversation").isEqualTo(team.agentUser().id());

        JsonNode why = team.admin().get(team.path("/conversations/" + silent + "/assignment_decision")).expect(200).json().get("payload");
        assertThat(why.toString()).contains("Return timer").contains("took the conversation from Alan Agent").contains("moved to Bea Backup");
        List<String> verdicts = new ArrayList<>();
        why.get("candidates").forEach(c -> verdicts.add(c.get("user_id").asLong() + ":" + c.get("verdict").asString()));
        assertThat(verdicts).contains(team.agentUser().id() + ":current_assignee", bea.id() + ":available");
        JsonNode run = team.admin().get(team.path("/conversations/" + silent + "/automation_log")).expect(200).json().get("payload").get(0);
        assertThat(run.get("timer").get("armed_by").asString()).startsWith("assigned to agent " + team.agentUser().id());
        assertThat(run.get("actions").get(0).get("outcome").asString()).isEqualTo("done: moved from agent " + team.agentUser().id() + " to Bea Backup");
    }

    @Test
    void aPendingForTimerInBusinessHoursSkipsTheLunchBreak() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        List<Map<String, Object>> week = new ArrayList<>();
        for (int d = 0; d <= 6; d++) {
            week.add(Map.of("day_of_week", d, "periods", List.of(Map.of("open_hour", 9, "close_hour", 12), Map.of("open_hour", 13, "close_hour", 17))));
        }
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("working_hours_enabled", true, "timezone", "UTC", "working_hours", week))
                .expect(200);
        team.admin().post(team.path("/automation_rules"), Map.of("name", "Pending 2 business hours", "event_name", "conversation_updated",
                "conditions", List.of(Map.of("attribute_key", "pending_for", "filter_operator", "is_greater_than", "values", List.of(120, "business_hours"))),
                "actions", List.of(Map.of("action_name", "resolve_conversation", "action_params", List.of())))).expect(200);
        long displayId = fixtures.conversation(fixtures.customer(inbox, "Pending"), "Thanks, I will check");
        team.agent().post(team.path("/conversations/" + displayId + "/toggle_status"), Map.of("status", "pending")).expect(200);
        long id = conversationId(team.accountId(), displayId);
        Instant pendingSince = clock.instant();
        Instant due = jdbc.sql("SELECT due_at FROM timers WHERE conversation_id = ? AND state = 'armed'").param(id).query(java.sql.Timestamp.class)
                .single().toInstant();
        var hours = dev.parley.inbox.WorkingHours.of(true, "UTC", week);
        assertThat(due).isEqualTo(hours.afterOpenTime(pendingSince, Duration.ofMinutes(120)));
        assertThat(hours.secondsOpenBetween(pendingSince, due)).isEqualTo(7200);

        clock.advance(Duration.between(clock.instant(), due).plusSeconds(1));
        await().atMost(SOON).until(() -> "resolved".equals(team.admin().get(team.path("/conversations/" + displayId)).json().get("status").asString()));
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.parley.shared.timers.TimerPoller poller;

    private static long assignee(Team team, long displayId) {
        JsonNode c = team.admin().get(team.path("/conversations/" + displayId)).expect(200).json();
        JsonNode assignee = c.get("meta").get("assignee");
        return assignee == null || assignee.isNull() ? -1 : assignee.get("id").asLong();
    }

    static void online(Api agent, long accountId) {
        agent.post("/api/v1/profile/auto_offline", Map.of("profile", Map.of("auto_offline", false, "account_id", accountId))).expect(200);
        agent.post("/api/v1/profile/availability", Map.of("profile", Map.of("availability", "online", "account_id", accountId))).expect(200);
    }
}
