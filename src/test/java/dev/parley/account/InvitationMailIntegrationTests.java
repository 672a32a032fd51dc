package dev.parley.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.parley.support.MailIntegrationTest;
import dev.parley.support.SignInForm;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** With SMTP configured, invitations (Chatwoot's agents API, the dashboard) and password resets are mailed, and their links work. */
class InvitationMailIntegrationTests extends MailIntegrationTest {

    private static final Pattern LINK = Pattern.compile("http://[^/\\s]+(/app/password/set\\?token=[A-Za-z0-9_-]+)");

    @Test
    void anAgentInvitedThroughTheApiGetsTheLinkByEmailAndJoins() {
        var team = fixtures.account();
        String email = "mailed." + UUID.randomUUID().toString().substring(0, 8) + "@parley.test";
        team.admin().post(team.path("/agents"), Map.of("name", "Mila Mailed", "email", email)).expect(200);
        String path = linkMailedTo(email, "You are invited to ");

        var mila = new SignInForm(port);
        assertThat(mila.read(path).body()).contains("Welcome, Mila Mailed");
        mila.post("/app/password/set", Map.of("token", path.replaceAll(".*token=", ""), "password", "mila-pass", "password_confirmation", "mila-pass"));
        assertThat(SignInForm.signedIn(new SignInForm(port).signIn(email, "mila-pass"))).isTrue();
    }

    @Test
    void theDashboardSaysTheInvitationWasSentAndForgotPasswordMailsAResetLink() {
        var team = fixtures.account();
        var admin = new SignInForm(port);
        admin.signIn(team.adminUser().email(), "secret123");
        admin.read("/app/accounts/" + team.accountId() + "/agents");
        String email = "dash." + UUID.randomUUID().toString().substring(0, 8) + "@parley.test";
        admin.post("/app/accounts/" + team.accountId() + "/agents", Map.of("name", "Dora Dash", "email", email));
        String page = admin.read("/app/accounts/" + team.accountId() + "/agents").body();
        assertThat(page).contains("Invitation sent to " + email).doesNotContain("token=");
        linkMailedTo(email, "You are invited to ");

        var forgetful = new SignInForm(port);
        forgetful.read("/app/password/forgot");
        forgetful.post("/app/password/forgot", Map.of("email", team.agentUser().email()));
        String reset = linkMailedTo(team.agentUser().email(), "Reset your Parley password");
        assertThat(new SignInForm(port).read(reset).body()).contains("Choose a new password");
    }

    private static String linkMailedTo(String address, String subject) {
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedBy(address).stream().anyMatch(m -> subject(m).startsWith(subject)));
        var message = receivedBy(address).stream().filter(m -> subject(m).startsWith(subject)).reduce((a, b) -> b).orElseThrow();
        var link = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).as(GreenMailUtil.getBody(message)).isTrue();
        return link.group(1);
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
