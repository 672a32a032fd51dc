package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.shared.timers.TimerPoller;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.TimedIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Scheduled messages: written now, edited or cancelled until sent, sent once at their time and not before. */
class ScheduledMessagesIntegrationTests extends TimedIntegrationTest {

    @Autowired
    TimerPoller poller;

    @Test
    void aScheduledReplyIsSentOnceAtItsTimeNotBeforeAndCanBeEditedOrCancelledUntilThen() {
        Team team = fixtures.account();
        long displayId = fixtures.conversation(fixtures.customer(fixtures.inbox(team, team.agentUser()), "Customer"), "Can you call me tomorrow?");
        String path = team.path("/conversations/" + displayId + "/scheduled_messages");
        long now = clock.instant().getEpochSecond();
        team.agent().post(path, Map.of("content", "too late", "scheduled_at", now - 1)).expect(422);
        team.agent().post(path, Map.of("content", " ", "scheduled_at", now + 60)).expect(422);
        team.agent().post(path, Map.of("content", "Good morning!", "scheduled_at", "yesterday")).expect(422);

        JsonNode reply = team.agent().post(path, Map.of("content", "Good morning!", "scheduled_at", now + 3600)).expect(200).json();
        assertThat(reply.get("status").asString()).isEqualTo("scheduled");
        JsonNode note = team.agent().post(path, Map.of("content", "remember to call", "private", true, "scheduled_at", now + 1800)).expect(200).json();
        team.agent().patch(path + "/" + reply.get("id").asLong(), Map.of("content", "Good morning! Calling you at 10.")).expect(200);
        assertThat(team.agent().delete(path + "/" + note.get("id").asLong()).expect(200).json().get("status").asString()).isEqualTo("cancelled");

        advance(Duration.ofMinutes(59));
        poller.fireDue(); // a poll now fires what is due (other tests' timers share this server), and not this one
        assertThat(sent(team, displayId)).as("not sent before its time").isZero();
        advance(Duration.ofMinutes(1).plusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> sent(team, displayId) == 1);
        poller.fireDue();
        assertThat(sent(team, displayId)).as("sent once").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM messages WHERE content = 'remember to call'").query(Long.class).single()).isZero();

        JsonNode listed = team.agent().get(path).expect(200).json().get("payload");
        assertThat(listed.get(0).get("status").asString()).isEqualTo("sent");
        assertThat(listed.get(0).get("message_id").isNull()).isFalse();
        assertThat(listed.get(1).get("status").asString()).isEqualTo("cancelled");
        team.agent().patch(path + "/" + reply.get("id").asLong(), Map.of("content", "again")).expect(422);
        team.agent().delete(path + "/" + reply.get("id").asLong()).expect(422);
        JsonNode message = team.agent().get(team.path("/conversations/" + displayId + "/messages")).expect(200).json().get("payload");
        JsonNode last = message.get(message.size() - 1);
        assertThat(last.get("content").asString()).isEqualTo("Good morning! Calling you at 10.");
        assertThat(last.get("sender").get("id").asLong()).isEqualTo(team.agentUser().id());
    }

    private long sent(Team team, long displayId) {
        return jdbc.sql("SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.account_id = ? AND c.display_id = ?"
                        + " AND m.content = 'Good morning! Calling you at 10.'").params(team.accountId(), displayId).query(Long.class).single();
    }
}
