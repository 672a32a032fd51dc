package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.Fixtures.User;
import dev.parley.support.RateLimitedIntegrationTest;
import dev.parley.support.SignInForm;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Password guessing is throttled per email (5 failures per 15 minutes here) and per client address (20): the
 * sixth guess is answered 429 without checking the password; other people still sign in; the real user's right
 * password works again once the window has passed. The same goes for the current password of a password change.
 */
class SignInThrottlingIntegrationTests extends RateLimitedIntegrationTest {

    @Test
    void twoHundredWrongPasswordsAreCheckedOnlyFiveTimes() {
        Team team = fixtures.account();
        SignInForm browser = new SignInForm(port);
        int checked = 0;
        int throttled = 0;
        HttpResponse<String> last = null;
        long started = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            last = browser.signIn(team.adminUser().email(), "wrong-" + i);
            if (SignInForm.wrongPassword(last)) checked++;
            if (last.statusCode() == 429) throttled++;
        }
        System.out.printf("200 wrong passwords: %d checked, %d throttled, %d ms%n", checked, throttled, (System.nanoTime() - started) / 1_000_000);
        assertThat(checked).isEqualTo(5);
        assertThat(throttled).isEqualTo(195);
        assertThat(last.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(last.body()).contains("Too many attempts; try again in 15 minutes.").contains("name=\"_csrf\"");

        // the right password waits for the window too (else guessing would go on), but other people sign in
        assertThat(browser.signIn(team.adminUser().email(), "secret123").statusCode()).isEqualTo(429);
        assertThat(SignInForm.signedIn(new SignInForm(port).signIn(team.agentUser().email(), "secret123"))).isTrue();
        assertThat(SignInForm.signedIn(new SignInForm(port).signIn(team.agentUser().email(), "secret123"))).isTrue();

        clock.advance(Duration.ofMinutes(14));
        assertThat(new SignInForm(port).signIn(team.adminUser().email(), "secret123").statusCode()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(1));
        assertThat(SignInForm.signedIn(new SignInForm(port).signIn(team.adminUser().email(), "secret123"))).isTrue();
    }

    @Test
    void oneAddressGuessingManyEmailsIsStoppedByTheAddressLimit() {
        Team team = fixtures.account();
        SignInForm browser = new SignInForm(port);
        for (int i = 0; i < 20; i++) {
            assertThat(SignInForm.wrongPassword(browser.signIn("nobody" + i + "@parley.test", "guess"))).isTrue();
        }
        assertThat(browser.signIn("nobody-else@parley.test", "guess").statusCode()).isEqualTo(429);
        // the page a throttled sign-in is forwarded to says nothing when opened directly
        assertThat(browser.read("/app/login/throttled").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/app/login"));
        clock.advance(Duration.ofMinutes(15));
        assertThat(SignInForm.signedIn(browser.signIn(team.adminUser().email(), "secret123"))).isTrue();
    }

    @Test
    void theCurrentPasswordOfAPasswordChangeIsThrottledLikeASignIn() {
        Team team = fixtures.account();
        User admin = team.adminUser();
        SignInForm dashboard = new SignInForm(port);
        assertThat(SignInForm.signedIn(dashboard.signIn(admin.email(), "secret123"))).isTrue();
        Map<String, Object> wrong = Map.of("profile", Map.of("current_password", "guess", "password", "newsecret1", "password_confirmation", "newsecret1"));
        for (int i = 0; i < 5; i++) team.admin().put("/api/v1/profile", wrong).expect(422);
        Api.Response refused = team.admin().put("/api/v1/profile", wrong).expect(429);
        assertThat(refused.json().get("error").asString()).startsWith("Too many requests; try again in");

        String profile = "/app/accounts/" + team.accountId() + "/profile";
        dashboard.read(profile);
        var page = dashboard.post(profile + "/password", Map.of("current_password", "secret123", "password", "newsecret1",
                "password_confirmation", "newsecret1"));
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("Too many attempts; try again in 15 minutes.");

        clock.advance(Duration.ofMinutes(15));
        team.admin().put("/api/v1/profile", Map.of("profile", Map.of("current_password", "secret123", "password", "newsecret1",
                "password_confirmation", "newsecret1"))).expect(200);
        assertThat(SignInForm.signedIn(new SignInForm(port).signIn(admin.email(), "newsecret1"))).isTrue();
    }
}
