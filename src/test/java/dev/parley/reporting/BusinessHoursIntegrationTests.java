package dev.parley.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Inbox business hours through the inbox API, and the reports' business_hours=true figures that follow from them. */
class BusinessHoursIntegrationTests extends IntegrationTest {

    @Test
    void workingHoursRoundTripAndBadEntriesAreRefused() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        JsonNode saved = team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("working_hours_enabled", true, "timezone", "Europe/Berlin",
                "out_of_office_message", "We are away", "working_hours", week(Map.of("open_hour", 9, "open_minutes", 0, "close_hour", 17,
                        "close_minutes", 30)))).expect(200).json();
        assertThat(saved.get("working_hours_enabled").asBoolean()).isTrue();
        assertThat(saved.get("out_of_office_message").asString()).isEqualTo("We are away");
        assertThat(saved.get("working_hours").size()).isEqualTo(7);
        assertThat(team.agent().get(team.path("/inboxes/" + inbox.id())).expect(200).json().get("working_hours").get(1).get("close_minutes").asInt())
                .isEqualTo(30);

        var closesBeforeItOpens = team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("working_hours",
                week(Map.of("open_hour", 18, "close_hour", 9))));
        assertThat(closesBeforeItOpens.status()).isEqualTo(422);
        assertThat(closesBeforeItOpens.body()).contains("working_hours");
        var dayTwice = team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("working_hours",
                List.of(Map.of("day_of_week", 1, "closed_all_day", true), Map.of("day_of_week", 1, "open_all_day", true))));
        assertThat(dayTwice.status()).isEqualTo(422);
        assertThat(team.agent().get(team.path("/inboxes/" + inbox.id())).expect(200).json().get("working_hours").get(1).get("open_hour").asInt())
                .isEqualTo(9);
    }

    @Test
    void aWaitOutsideBusinessHoursCountsInTheReportButNotInItsBusinessHoursFigure() throws InterruptedException {
        Team team = fixtures.account();
        Inbox closed = fixtures.inbox(team, team.agentUser());
        team.admin().patch(team.path("/inboxes/" + closed.id()), Map.of("working_hours_enabled", true,
                "working_hours", week(Map.of("closed_all_day", true)))).expect(200);
        long since = Instant.now().minusSeconds(60).getEpochSecond();
        long id = fixtures.conversation(fixtures.customer(closed, "Night Owl"), "anyone there?");
        Thread.sleep(1_100);
        team.agent().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "Good morning!")).expect(200);

        String summary = "/api/v2/accounts/" + team.accountId() + "/reports/summary?type=inbox&id=" + closed.id() + "&since=" + since
                + "&until=" + (Instant.now().getEpochSecond() + 60);
        await().atMost(Duration.ofSeconds(3)).until(() -> team.admin().get(summary).json().get("avg_first_response_time").asDouble() >= 1.0);
        assertThat(team.admin().get(summary + "&business_hours=true").expect(200).json().get("avg_first_response_time").asDouble()).isZero();

        // an inbox open around the clock counts the same either way
        Inbox open = fixtures.inbox(team, team.agentUser());
        team.admin().patch(team.path("/inboxes/" + open.id()), Map.of("working_hours_enabled", true,
                "working_hours", week(Map.of("open_all_day", true)))).expect(200);
        long other = fixtures.conversation(fixtures.customer(open, "Day Bird"), "hello");
        Thread.sleep(1_100);
        team.agent().post(team.path("/conversations/" + other + "/messages"), Map.of("content", "Hi!")).expect(200);
        String openSummary = summary.replace("id=" + closed.id(), "id=" + open.id());
        await().atMost(Duration.ofSeconds(3)).until(() -> team.admin().get(openSummary).json().get("avg_first_response_time").asDouble() >= 1.0);
        assertThat(team.admin().get(openSummary + "&business_hours=true").json().get("avg_first_response_time").asDouble())
                .isEqualTo(team.admin().get(openSummary).json().get("avg_first_response_time").asDouble());
    }

    /** The same hours on all seven days. */
    private static List<Map<String, Object>> week(Map<String, Object> hours) {
        List<Map<String, Object>> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            var day = new java.util.HashMap<String, Object>(hours);
            day.put("day_of_week", d);
            days.add(day);
        }
        return days;
    }
}
