package dev.parley.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.inbox.WorkingHours;
import dev.parley.shared.timers.TimerPoller;
import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.SignInForm;
import dev.parley.support.TimedIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * SLA policies on durable timers and a test clock: a first-response deadline counted in business hours with a lunch
 * break comes due at the business-hours time (not the calendar time), is recorded once, counted in the breach
 * report per agent and inbox, and triggers an {@code sla_breached} rule; a reply in time records nothing.
 */
class SlaPoliciesIntegrationTests extends TimedIntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(30);

    @Autowired
    TimerPoller poller;

    @Test
    void aBusinessHoursBreachComesAfterTheLunchBreakIsCountedOnceAndTriggersARule() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        List<Map<String, Object>> week = lunchBreakWeek();
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("working_hours_enabled", true, "timezone", "UTC", "working_hours", week))
                .expect(200);
        long policy = team.admin().post(team.path("/sla_policies"), Map.of("name", "Two business hours", "description", "first reply",
                "first_response_time_threshold", 7200, "only_during_business_hours", true)).expect(200).json().get("payload").get("id").asLong();
        rule(team, "Apply SLA", "conversation_created", "add_sla", List.of(policy));
        rule(team, "Flag breaches", "sla_breached", "add_label", List.of("sla-missed"));

        moveTo(LocalTime.of(10, 30)); // 1.5 business hours before lunch, 0.5 after: due 13:30, not 12:30
        long displayId = fixtures.conversation(fixtures.customer(inbox, "Waiting"), "Hello?");
        team.admin().post(team.path("/conversations/" + displayId + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);
        long id = conversationId(team.accountId(), displayId);
        Instant created = clock.instant();
        await().atMost(SOON).until(() -> slaTimers(id) == 1);
        Instant due = jdbc.sql("SELECT due_at FROM timers WHERE conversation_id = ? AND kind = 'sla' AND state = 'armed'").param(id)
                .query(Timestamp.class).single().toInstant();
        assertThat(due).isEqualTo(WorkingHours.of(true, "UTC", week).afterOpenTime(created, Duration.ofHours(2)))
                .isEqualTo(created.plus(Duration.ofHours(3)));
        JsonNode conversation = team.agent().get(team.path("/conversations/" + displayId)).expect(200).json();
        assertThat(conversation.get("sla_policy_id").asLong()).isEqualTo(policy);
        assertThat(conversation.get("applied_sla").get("sla_status").asString()).isEqualTo("active");

        advance(Duration.ofHours(2).plusSeconds(1)); // the calendar deadline has passed, the business-hours one has not
        poller.fireDue();
        assertThat(breaches(id)).as("no breach at the calendar time").isZero();

        advance(Duration.ofHours(1));
        await().atMost(SOON).until(() -> labels(team, displayId).contains("sla-missed"));
        poller.fireDue();
        assertThat(breaches(id)).isEqualTo(1);

        JsonNode byAgent = team.admin().get(team.path("/sla_breaches?group_by=agent")).expect(200).json().get("payload");
        assertThat(byAgent.size()).isEqualTo(1);
        assertThat(byAgent.get(0).get("id").asLong()).isEqualTo(team.agentUser().id());
        assertThat(byAgent.get(0).get("frt").asLong()).isEqualTo(1);
        JsonNode byInbox = team.admin().get(team.path("/sla_breaches?group_by=inbox")).expect(200).json().get("payload");
        assertThat(byInbox.get(0).get("id").asLong()).isEqualTo(inbox.id());
        assertThat(byInbox.get(0).get("breaches").asLong()).isEqualTo(1);
        JsonNode metrics = team.admin().get(team.path("/applied_slas/metrics")).expect(200).json();
        assertThat(metrics.get("total_applied_slas").asLong()).isEqualTo(1);
        assertThat(metrics.get("number_of_sla_breaches").asLong()).isEqualTo(1);
        JsonNode after = team.agent().get(team.path("/conversations/" + displayId)).expect(200).json();
        assertThat(after.get("sla_events").get(0).get("event_type").asString()).isEqualTo("frt");
        assertThat(after.get("applied_sla").get("sla_status").asString()).isEqualTo("active_with_misses");
        team.agent().get(team.path("/sla_breaches")).expect(401);
    }

    @Test
    void aReplyInTimeCancelsTheFirstResponseDeadlineAndAgentsOnlyReadPolicies() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        team.agent().post(team.path("/sla_policies"), Map.of("name", "Nope", "first_response_time_threshold", 60)).expect(401);
        team.admin().post(team.path("/sla_policies"), Map.of("name", " ")).expect(422);
        long policy = team.admin().post(team.path("/sla_policies"), Map.of("sla_policy", Map.of("name", "Ten minutes",
                "first_response_time_threshold", 600, "resolution_time_threshold", 86400))).expect(200).json().get("payload").get("id").asLong();
        assertThat(team.agent().get(team.path("/sla_policies")).expect(200).json().get("payload").get(0).get("name").asString())
                .isEqualTo("Ten minutes");
        team.admin().patch(team.path("/sla_policies/" + policy), Map.of("description", "calendar time")).expect(200);
        rule(team, "Apply SLA", "conversation_created", "add_sla", List.of(policy));

        long displayId = fixtures.conversation(fixtures.customer(inbox, "Answered"), "Hi");
        long id = conversationId(team.accountId(), displayId);
        await().atMost(SOON).until(() -> slaTimers(id) == 2);
        team.agent().post(team.path("/conversations/" + displayId + "/messages"), Map.of("content", "Hello!")).expect(200);
        assertThat(slaTimers(id)).as("the reply cancelled first response; resolution stays").isEqualTo(1);
        SignInForm browser = new SignInForm(port);
        assertThat(SignInForm.signedIn(browser.signIn(team.agentUser().email(), "secret123"))).isTrue();
        String details = browser.read("/app/accounts/" + team.accountId() + "/conversations/" + displayId).body();
        assertThat(details).contains("SLA: Ten minutes").contains("Resolution</span> due").contains("in 24 h 00 min");
        advance(Duration.ofMinutes(11));
        poller.fireDue();
        assertThat(breaches(id)).isZero();
        team.agent().post(team.path("/conversations/" + displayId + "/toggle_status"), Map.of("status", "resolved")).expect(200);
        assertThat(slaTimers(id)).isZero();
        assertThat(team.agent().get(team.path("/conversations/" + displayId)).json().get("applied_sla").get("sla_status").asString())
                .isEqualTo("hit");
        long other = team.admin().post(team.path("/sla_policies"), Map.of("name", "Other", "resolution_time_threshold", 60)).expect(200).json()
                .get("payload").get("id").asLong();
        team.agent().patch(team.path("/conversations/" + displayId), Map.of("sla_policy_id", other)).expect(422);
        JsonNode kept = team.agent().patch(team.path("/conversations/" + displayId), Map.of("sla_policy_id", policy)).expect(200).json();
        assertThat(kept.get("sla_policy_id").asLong()).isEqualTo(policy);
        team.admin().delete(team.path("/sla_policies/" + policy)).expect(200);
        team.admin().get(team.path("/sla_policies/" + policy)).expect(404);
    }

    @Test
    void aCustomerWaitingAgainArmsNextResponseWhichBreachesOnceInCalendarTime() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        long policy = team.admin().post(team.path("/sla_policies"), Map.of("name", "Five minutes", "next_response_time_threshold", 300))
                .expect(200).json().get("payload").get("id").asLong();
        Customer customer = fixtures.customer(inbox, "Again");
        long displayId = fixtures.conversation(customer, "First question");
        long id = conversationId(team.accountId(), displayId);
        team.agent().patch(team.path("/conversations/" + displayId), Map.of("sla_policy_id", policy)).expect(200);
        assertThat(slaTimers(id)).as("no first reply yet: next response waits").isZero();
        team.agent().post(team.path("/conversations/" + displayId + "/messages"), Map.of("content", "Answer")).expect(200);
        new dev.parley.support.Api(port, null).post(customer.conversationsPath() + "/" + displayId + "/messages", Map.of("content", "Second question"))
                .expect(200);
        assertThat(slaTimers(id)).isEqualTo(1);

        advance(Duration.ofMinutes(5).plusSeconds(1));
        poller.fireDue();
        poller.fireDue();
        assertThat(jdbc.sql("SELECT event_type FROM sla_events WHERE conversation_id = ?").param(id).query(String.class).list()).containsExactly("nrt");
    }

    private static void rule(Team team, String name, String event, String action, List<Object> params) {
        team.admin().post(team.path("/automation_rules"), Map.of("name", name, "event_name", event, "conditions", List.of(),
                "actions", List.of(Map.of("action_name", action, "action_params", params)))).expect(200);
    }

    private static List<Map<String, Object>> lunchBreakWeek() {
        List<Map<String, Object>> week = new ArrayList<>();
        for (int d = 0; d <= 6; d++) {
            week.add(Map.of("day_of_week", d, "periods", List.of(Map.of("open_hour", 9, "close_hour", 12), Map.of("open_hour", 13, "close_hour", 17))));
        }
        return week;
    }

    /** Moves the clock forward to the next time of day (UTC). */
    private void moveTo(LocalTime time) {
        Instant now = clock.instant();
        Instant next = now.atZone(ZoneOffset.UTC).toLocalDate().atTime(time).toInstant(ZoneOffset.UTC);
        if (!next.isAfter(now)) next = next.plus(Duration.ofDays(1));
        advance(Duration.between(now, next));
    }

    private long slaTimers(long conversationId) {
        return jdbc.sql("SELECT count(*) FROM timers WHERE conversation_id = ? AND kind = 'sla' AND state = 'armed'").param(conversationId)
                .query(Long.class).single();
    }

    private long breaches(long conversationId) {
        return jdbc.sql("SELECT count(*) FROM sla_events WHERE conversation_id = ?").param(conversationId).query(Long.class).single();
    }

    private static String labels(Team team, long displayId) {
        return team.admin().get(team.path("/conversations/" + displayId)).expect(200).json().get("labels").toString();
    }
}
