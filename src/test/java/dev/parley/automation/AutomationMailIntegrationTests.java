package dev.parley.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.parley.support.MailIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With SMTP configured, the mail actions send real mail (to a local GreenMail server). */
class AutomationMailIntegrationTests extends MailIntegrationTest {

    @Test
    void teamEmailAndTranscriptAreSent() {
        var team = fixtures.account();
        var inbox = fixtures.inbox(team, team.agentUser());
        long teamId = team.admin().post(team.path("/teams"), Map.of("name", "Escalation")).expect(200).json().get("id").asLong();
        team.admin().post(team.path("/teams/" + teamId + "/team_members"), Map.of("user_ids", List.of(team.agentUser().id()))).expect(200);
        team.admin().post(team.path("/automation_rules"), Map.of("name", "Notify", "event_name", "conversation_created", "conditions", List.of(),
                "actions", List.of(
                        Map.of("action_name", "send_email_to_team", "action_params", List.of(Map.of("message", "New conversation from {{contact.name}}",
                                "team_ids", List.of(teamId)))),
                        Map.of("action_name", "send_email_transcript", "action_params", List.of("{{contact.email}}, audit@parley.test"))))).expect(200);
        var customer = fixtures.customer(inbox, "Mia Mail");
        fixtures.conversation(customer, "Please send me the transcript");

        // other tests of this context send mail to the same server: wait for these messages, whatever else arrived
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            MimeMessage[] received = MAIL.getReceivedMessages();
            List<String> recipients = Arrays.stream(received).map(m -> {
                try {
                    return m.getAllRecipients()[0].toString();
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(recipients).contains(team.agentUser().email(), "audit@parley.test");
            assertThat(recipients.stream().anyMatch(r -> r.startsWith("mia.mail"))).isTrue();
            assertThat(Arrays.stream(received).map(GreenMailUtil::getBody).toList())
                    .anyMatch(b -> b.contains("New conversation from Mia Mail"))
                    .anyMatch(b -> b.contains("Customer: Please send me the transcript"));
        });
    }
}
