package dev.parley.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Api;
import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.TimedIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.parley.shared.timers.TimerPoller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Chatwoot's delayed rules ({@code execution_delay}) on durable timers, driven by a test clock: the delay is
 * checked and returned; a "no agent reply for 10 minutes" rule fires exactly once per waiting conversation and an
 * agent's reply cancels it; a new conversation arms "open for 10 minutes"; the explain log tells the timer's story.
 */
class DelayedRulesIntegrationTests extends TimedIntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(30);

    @Autowired
    TimerPoller poller;

    @Test
    void executionDelayIsCheckedAndReturnedByCreateShowAndList() {
        Team team = fixtures.account();
        Map<String, Object> rule = rule("message_created", List.of(incoming()), List.of(label("late")), 10);
        for (Object bad : new Object[] {9, 43_201, "soon", 12.5}) {
            rule.put("execution_delay", bad);
            JsonNode refused = team.admin().post(team.path("/automation_rules"), rule).expect(422).json();
            assertThat(refused.get("errors").has("execution_delay")).as("%s", bad).isTrue();
        }
        rule.put("execution_delay", 30);
        rule.put("event_name", "conversation_opened");
        team.admin().post(team.path("/automation_rules"), rule).expect(422);
        team.admin().post(team.path("/automation_rules"), rule("conversation_updated",
                List.of(Map.of("attribute_key", "labels", "filter_operator", "equal_to", "values", List.of("vip"))), List.of(label("x")), 30)).expect(422);

        long id = team.admin().post(team.path("/automation_rules"), rule("message_created", List.of(incoming()), List.of(label("late")), 43_200))
                .expect(200).json().get("id").asLong();
        assertThat(team.admin().get(team.path("/automation_rules/" + id)).expect(200).json().get("payload").get("execution_delay").asInt()).isEqualTo(43_200);
        JsonNode listed = team.admin().get(team.path("/automation_rules")).expect(200).json().get("payload").get(0);
        assertThat(listed.get("execution_delay").asInt()).isEqualTo(43_200);
        team.admin().patch(team.path("/automation_rules/" + id), Map.of("name", "renamed")).expect(200);
        assertThat(team.admin().get(team.path("/automation_rules/" + id)).json().get("payload").get("execution_delay").asInt()).isEqualTo(43_200);
        var clear = new HashMap<String, Object>();
        clear.put("execution_delay", null);
        assertThat(team.admin().patch(team.path("/automation_rules/" + id), clear).expect(200).json().get("payload").get("execution_delay").isNull())
                .isTrue();
    }

    @Test
    void noAgentReplyForTenMinutesFiresExactlyOncePerConversationAndAReplyCancelsIt() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        long ruleId = team.admin().post(team.path("/automation_rules"), rule("message_created", List.of(incoming()),
                List.of(label("waiting"), Map.of("action_name", "send_message", "action_params", List.of("Still on it, sorry for the wait."))), 10))
                .expect(200).json().get("id").asLong();
        List<Long> waiting = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Customer customer = fixtures.customer(inbox, "Customer " + i);
            long displayId = fixtures.conversation(customer, "Hello?");
            if (i % 10 == 0) new Api(port, null).post(customer.conversationsPath() + "/" + displayId + "/messages", Map.of("content", "Anyone?"))
                    .expect(200); // a second unanswered message does not restart the clock
            waiting.add(displayId);
        }
        long answered = fixtures.conversation(fixtures.customer(inbox, "Answered"), "Hello?");
        team.agent().post(team.path("/conversations/" + answered + "/messages"), Map.of("content", "Hi! Looking now.")).expect(200);
        long answeredId = conversationId(team.accountId(), answered);
        assertThat(timers(answeredId, "cancelled")).isEqualTo(1);
        assertThat(timers(answeredId, "armed")).isZero();

        JsonNode pending = team.agent().get(team.path("/conversations/" + waiting.get(0) + "/automation_timers")).expect(200).json().get("payload").get(0);
        assertThat(pending.get("state").asString()).isEqualTo("armed");
        assertThat(pending.get("due_at").asLong()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)).getEpochSecond());
        JsonNode cancelledTimer = team.agent().get(team.path("/conversations/" + answered + "/automation_timers")).expect(200).json().get("payload").get(0);
        assertThat(cancelledTimer.get("state").asString()).isEqualTo("cancelled");
        assertThat(cancelledTimer.get("ended_by").asString()).startsWith("Alan Agent replied");

        advance(Duration.ofMinutes(9));
        assertThat(jdbc.sql("SELECT count(*) FROM timers WHERE account_id = ? AND state = 'armed'").param(team.accountId()).query(Long.class).single())
                .as("not one fires before its time").isEqualTo(100);
        advance(Duration.ofMinutes(1).plusSeconds(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> ruleMessages(team.accountId()) == 100
                && jdbc.sql("SELECT count(*) FROM timers WHERE account_id = ? AND state = 'fired'").param(team.accountId()).query(Long.class).single() == 100);
        advance(Duration.ofMinutes(30));
        poller.fireDue(); // another poll fires nothing more of this account
        assertThat(ruleMessages(team.accountId())).isEqualTo(100);
        assertThat(jdbc.sql("""
                        SELECT count(DISTINCT conversation_id) FROM messages m WHERE account_id = ? AND content = 'Still on it, sorry for the wait.'""")
                .param(team.accountId()).query(Long.class).single()).isEqualTo(100);
        assertThat(labels(team, waiting.get(0))).contains("waiting");
        assertThat(labels(team, answered)).doesNotContain("waiting");

        JsonNode run = team.admin().get(team.path("/conversations/" + waiting.get(0) + "/automation_log")).expect(200).json().get("payload").get(0);
        assertThat(run.get("rule_id").asLong()).isEqualTo(ruleId);
        assertThat(run.get("matched").asBoolean()).isTrue();
        assertThat(run.get("timer").get("armed_by").asString()).startsWith("customer message");
        assertThat(run.get("timer").get("wait_minutes").asInt()).isEqualTo(10);
        assertThat(jdbc.sql("SELECT ended_by FROM timers WHERE conversation_id = ?").param(answeredId).query(String.class).single())
                .isEqualTo("Alan Agent replied (message " + lastMessageId(answeredId) + ")");
    }

    @Test
    void aNewConversationArmsOpenForTenMinutesAndAStatusChangeCancelsIt() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        team.admin().post(team.path("/automation_rules"), rule("conversation_updated",
                List.of(Map.of("attribute_key", "status", "filter_operator", "equal_to", "values", List.of("open"))), List.of(label("open-10")), 10))
                .expect(200);
        long stillOpen = fixtures.conversation(fixtures.customer(inbox, "Open"), "Hi");
        long resolved = fixtures.conversation(fixtures.customer(inbox, "Resolved"), "Hi");
        team.agent().post(team.path("/conversations/" + resolved + "/toggle_status"), Map.of("status", "resolved")).expect(200);
        long resolvedId = conversationId(team.accountId(), resolved);
        assertThat(timers(resolvedId, "cancelled")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT ended_by FROM timers WHERE conversation_id = ?").param(resolvedId).query(String.class).single())
                .isEqualTo("status changed from open to resolved by Alan Agent");

        advance(Duration.ofMinutes(10).plusSeconds(1));
        await().atMost(SOON).until(() -> labels(team, stillOpen).contains("open-10"));
        assertThat(labels(team, resolved)).doesNotContain("open-10");
    }

    private long ruleMessages(long accountId) {
        return jdbc.sql("SELECT count(*) FROM messages WHERE account_id = ? AND content = 'Still on it, sorry for the wait.'").param(accountId)
                .query(Long.class).single();
    }

    private long lastMessageId(long conversationId) {
        return jdbc.sql("SELECT max(id) FROM messages WHERE conversation_id = ? AND message_type = 1").param(conversationId).query(Long.class).single();
    }

    private static List<String> labels(Team team, long displayId) {
        List<String> labels = new ArrayList<>();
        team.admin().get(team.path("/conversations/" + displayId + "/labels")).expect(200).json().get("payload").forEach(l -> labels.add(l.asString()));
        return labels;
    }

    static Map<String, Object> rule(String event, List<Map<String, Object>> conditions, List<Map<String, Object>> actions, Object delay) {
        var rule = new LinkedHashMap<String, Object>();
        rule.put("name", "delayed " + event);
        rule.put("event_name", event);
        rule.put("conditions", conditions);
        rule.put("actions", actions);
        rule.put("execution_delay", delay);
        return rule;
    }

    static Map<String, Object> incoming() {
        return Map.of("attribute_key", "message_type", "filter_operator", "equal_to", "values", List.of("incoming"));
    }

    static Map<String, Object> label(String label) {
        return Map.of("action_name", "add_label", "action_params", List.of(label));
    }
}
