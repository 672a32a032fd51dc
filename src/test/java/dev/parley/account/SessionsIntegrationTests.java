package dev.parley.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.FreshInstallationTest;
import dev.parley.support.SignInForm;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Sign out everywhere else" ends the person's other dashboard sessions and keeps this one; other people's stay. */
class SessionsIntegrationTests extends FreshInstallationTest {

    @Test
    void signingOutEverywhereElseEndsTheOtherSessions() {
        var team = fixtures.account();
        String conversations = "/app/accounts/" + team.accountId() + "/conversations";
        var laptop = new SignInForm(port);
        var phone = new SignInForm(port);
        var colleague = new SignInForm(port);
        laptop.signIn(team.adminUser().email(), "secret123");
        phone.signIn(team.adminUser().email(), "secret123");
        colleague.signIn(team.agentUser().email(), "secret123");
        assertThat(phone.read(conversations).statusCode()).isEqualTo(200);

        laptop.read("/app/accounts/" + team.accountId() + "/profile");
        var done = laptop.post("/app/accounts/" + team.accountId() + "/profile/sessions", Map.of());
        assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/profile?sessions");

        assertThat(laptop.read(conversations).statusCode()).as("this session stays").isEqualTo(200);
        var ended = phone.read(conversations);
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElse("")).endsWith("/app/login?ended");
        assertThat(phone.read(conversations).headers().firstValue("Location").orElse("")).as("and stays ended").contains("/app/login");
        assertThat(colleague.read(conversations).statusCode()).as("other people's sessions stay").isEqualTo(200);
        phone.read("/app/login");
        assertThat(SignInForm.signedIn(phone.signIn(team.adminUser().email(), "secret123"))).as("signing in again works").isTrue();
        assertThat(phone.read(conversations).statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordSetThroughThePlatformApiEndsTheDashboardSessions() {
        var team = fixtures.account();
        String conversations = "/app/accounts/" + team.accountId() + "/conversations";
        var agent = new SignInForm(port);
        agent.signIn(team.agentUser().email(), "secret123");
        assertThat(agent.read(conversations).statusCode()).isEqualTo(200);
        platform().patch("/platform/api/v1/users/" + team.agentUser().id(), Map.of("password", "another-secret")).expect(200);
        assertThat(agent.read(conversations).headers().firstValue("Location").orElse("")).endsWith("/app/login?ended");
    }

    @Test
    void aPasswordChangedOnTheProfileEndsTheOtherSessionsAndKeepsThisOne() {
        var team = fixtures.account();
        String profile = "/app/accounts/" + team.accountId() + "/profile";
        var laptop = new SignInForm(port);
        var phone = new SignInForm(port);
        laptop.signIn(team.adminUser().email(), "secret123");
        phone.signIn(team.adminUser().email(), "secret123");
        laptop.read(profile);
        var wrong = laptop.post(profile + "/password", Map.of("current_password", "not-it", "password", "newer-secret",
                "password_confirmation", "newer-secret"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(phone.read(profile).statusCode()).as("a refused change ends nothing").isEqualTo(200);

        var changed = laptop.post(profile + "/password", Map.of("current_password", "secret123", "password", "newer-secret",
                "password_confirmation", "newer-secret"));
        assertThat(changed.headers().firstValue("Location").orElse("")).endsWith("/profile?password");
        assertThat(laptop.read(profile).statusCode()).as("this session stays").isEqualTo(200);
        assertThat(phone.read(profile).headers().firstValue("Location").orElse("")).endsWith("/app/login?ended");
    }
}
