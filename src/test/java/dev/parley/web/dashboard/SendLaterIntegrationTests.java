package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.SignInForm;
import dev.parley.support.TimedIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The reply box's "Send later": the reply is scheduled through the scheduled messages API, listed, and sent at its time. */
class SendLaterIntegrationTests extends TimedIntegrationTest {

    @Test
    void aReplyScheduledFromTheReplyBoxIsListedAndSentAtItsTime() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        long displayId = fixtures.conversation(fixtures.customer(inbox, "Later"), "Can you call me tomorrow?");
        SignInForm browser = new SignInForm(port);
        assertThat(SignInForm.signedIn(browser.signIn(team.agentUser().email(), "secret123"))).isTrue();
        String page = "/app/accounts/" + team.accountId() + "/conversations/" + displayId;
        assertThat(browser.read(page).body()).contains("Send later");

        var answer = browser.post(page + "/scheduled-messages", Map.of("content", "Good morning, calling you now",
                "send_at", clock.instant().plus(Duration.ofHours(1)).toString()));
        assertThat(answer.statusCode()).isEqualTo(302);
        String scheduled = team.path("/conversations/" + displayId + "/scheduled_messages");
        JsonNode listed = team.agent().get(scheduled).expect(200).json().get("payload");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("status").asString()).isEqualTo("scheduled");
        assertThat(browser.read(page).body()).contains("Reply at").contains("Good morning, calling you now");

        advance(Duration.ofHours(1).plusSeconds(1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "sent".equals(team.agent().get(scheduled).json().get("payload").get(0).get("status").asString()));
    }
}
