package dev.parley.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Fixtures.Team;
import dev.parley.support.FreshInstallationTest;
import dev.parley.support.SignInForm;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invitation and password reset links: they set a password once, expire (7 days, 6 hours), only the newest works, a
 * used or expired link says so, and "forgot password" answers alike whether the email belongs to anyone.
 */
class PasswordLinksIntegrationTests extends FreshInstallationTest {

    private static final Pattern LINK = Pattern.compile("/app/password/set\\?token=([A-Za-z0-9_-]+)");

    private Team team;
    private SignInForm admin;

    @BeforeEach
    void accountWithAdministratorSignedIn() {
        team = fixtures.account();
        admin = new SignInForm(port);
        assertThat(SignInForm.signedIn(admin.signIn(team.adminUser().email(), "secret123"))).isTrue();
        admin.read("/app/accounts/" + team.accountId() + "/agents"); // the CSRF token of the signed-in session
    }

    @Test
    void anInvitationSetsAPasswordOnceAndThenSaysItWasUsed() {
        String token = invite("Nora New", "nora@acme.test");
        assertThat(confirmed("nora@acme.test")).as("Chatwoot's agent JSON: not confirmed while invited").isFalse();
        var agent = team.admin().get(team.path("/agents")).json();
        assertThat(agent.toString()).as("a new agent starts online, with automatic offline").contains("\"availability_status\":\"online\"");

        var visitor = new SignInForm(port);
        var page = visitor.read("/app/password/set?token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Welcome, Nora New").contains("nora@acme.test");
        var mismatch = visitor.post("/app/password/set", Map.of("token", token, "password", "nora-pass", "password_confirmation", "nora-typo"));
        assertThat(mismatch.statusCode()).isEqualTo(422);
        var set = visitor.post("/app/password/set", Map.of("token", token, "password", "nora-pass", "password_confirmation", "nora-pass"));
        assertThat(set.headers().firstValue("Location").orElse("")).endsWith("/app/login?password-set");
        assertThat(confirmed("nora@acme.test")).as("confirmed once the password is set").isTrue();
        assertThat(SignInForm.signedIn(new SignInForm(port).signIn("nora@acme.test", "nora-pass"))).isTrue();

        var again = new SignInForm(port).read("/app/password/set?token=" + token);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("This link was used already");
        var reuse = visitor.post("/app/password/set", Map.of("token", token, "password", "evil-pass", "password_confirmation", "evil-pass"));
        assertThat(reuse.statusCode()).isEqualTo(410);
        assertThat(SignInForm.wrongPassword(new SignInForm(port).signIn("nora@acme.test", "evil-pass"))).isTrue();
    }

    @Test
    void anInvitationExpiresAfterSevenDaysAndAResentOneReplacesIt() {
        String first = invite("Olga Old", "olga@acme.test");
        long olga = userId("olga@acme.test");
        String second = linkIn(admin.post("/app/accounts/" + team.accountId() + "/agents/" + olga + "/invitation", Map.of()));
        assertThat(new SignInForm(port).read("/app/password/set?token=" + first).body()).as("only the newest link works")
                .contains("This link has expired");
        clock.advance(PasswordLinks.INVITATION_VALIDITY.minusMinutes(1));
        assertThat(new SignInForm(port).read("/app/password/set?token=" + second).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        var expired = new SignInForm(port);
        var page = expired.read("/app/password/set?token=" + second);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("This link has expired");
        expired.read("/app/login");
        assertThat(expired.post("/app/password/set", Map.of("token", second, "password", "olga-pass", "password_confirmation", "olga-pass"))
                .statusCode()).isEqualTo(410);
        assertThat(new SignInForm(port).read("/app/password/set?token=not-a-token").statusCode()).isEqualTo(404);
    }

    @Test
    void aResetLinkWorksOnceWithinSixHoursAndEndsTheOtherSessions() {
        var elsewhere = new SignInForm(port);
        assertThat(SignInForm.signedIn(elsewhere.signIn(team.agentUser().email(), "secret123"))).isTrue();
        String token = linkIn(admin.post("/app/accounts/" + team.accountId() + "/agents/" + team.agentUser().id() + "/password-reset", Map.of()));
        clock.advance(PasswordLinks.RESET_VALIDITY.minusMinutes(1));
        var visitor = new SignInForm(port);
        assertThat(visitor.read("/app/password/set?token=" + token).body()).contains("Choose a new password");
        visitor.post("/app/password/set", Map.of("token", token, "password", "fresh-pass", "password_confirmation", "fresh-pass"));
        assertThat(SignInForm.signedIn(new SignInForm(port).signIn(team.agentUser().email(), "fresh-pass"))).isTrue();
        assertThat(elsewhere.read("/app/accounts/" + team.accountId() + "/conversations").headers().firstValue("Location").orElse(""))
                .as("the session signed in before the reset ended").endsWith("/app/login?ended");

        String late = linkIn(admin.post("/app/accounts/" + team.accountId() + "/agents/" + team.agentUser().id() + "/password-reset", Map.of()));
        clock.advance(PasswordLinks.RESET_VALIDITY.plusSeconds(1));
        assertThat(new SignInForm(port).read("/app/password/set?token=" + late).body()).contains("This link has expired");
    }

    @Test
    void forgotPasswordAnswersTheSameWhetherTheEmailBelongsToSomeoneOrNot() {
        HttpResponse<String> known = forgot(team.agentUser().email());
        HttpResponse<String> unknown = forgot("nobody-" + team.accountId() + "@nowhere.test");
        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
        assertThat(withoutCsrf(known.body())).isEqualTo(withoutCsrf(unknown.body()));
        assertThat(known.body()).contains("If that email belongs to someone here");
        assertThat(jdbc.sql("SELECT count(*) FROM password_links WHERE user_id = ? AND purpose = 'password_reset'")
                .param(team.agentUser().id()).query(Long.class).single()).as("a link was made for the known email only").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM password_links").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void chatwootsAgentsApiInvitesSomeoneNewAndAnAdministratorResendsOrRemoves() {
        var created = team.admin().post(team.path("/agents"), Map.of("name", "Pia Api", "email", "pia@acme.test", "role", "agent"))
                .expect(200).json();
        assertThat(created.get("availability_status").asString()).isEqualTo("online");
        assertThat(created.get("auto_offline").asBoolean()).isTrue();
        assertThat(created.get("confirmed").asBoolean()).as("invited, no password yet").isFalse();
        long pia = created.get("id").asLong();
        var listed = team.admin().get(team.path("/agents")).json();
        listed.forEach(a -> assertThat(a.get("confirmed").asBoolean()).as(a.get("email").asString()).isEqualTo(a.get("id").asLong() != pia));
        assertThat(jdbc.sql("SELECT count(*) FROM password_links WHERE user_id = ? AND purpose = 'invitation'").param(pia)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(admin.read("/app/accounts/" + team.accountId() + "/agents").body()).contains("id=\"invited-" + pia + "\"");
        admin.post("/app/accounts/" + team.accountId() + "/agents/" + pia, Map.of("action", "remove"));
        assertThat(team.admin().get(team.path("/agents")).json().toString()).doesNotContain("pia@acme.test");
        var agent = new SignInForm(port);
        agent.signIn(team.agentUser().email(), "secret123");
        agent.read("/app/accounts/" + team.accountId() + "/agents");
        assertThat(agent.post("/app/accounts/" + team.accountId() + "/agents/" + team.agentUser().id() + "/password-reset", Map.of())
                .statusCode()).as("only administrators make links").isEqualTo(403);
    }

    private String invite(String name, String email) {
        return linkIn(admin.post("/app/accounts/" + team.accountId() + "/agents", Map.of("name", name, "email", email, "role", "agent")));
    }

    /** The link the agents page shows to hand over after a redirect (no mail configured in tests). */
    private String linkIn(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        String page = admin.read("/app/accounts/" + team.accountId() + "/agents").body();
        var m = LINK.matcher(page);
        assertThat(m.find()).as("the link is shown to hand over").isTrue();
        assertThat(page).contains("Mail is not set up");
        return m.group(1);
    }

    /** The agent JSON's {@code confirmed} of the agent with this email. */
    private boolean confirmed(String email) {
        for (var agent : team.admin().get(team.path("/agents")).json()) {
            if (agent.get("email").asString().equals(email)) return agent.get("confirmed").asBoolean();
        }
        throw new AssertionError("no agent " + email);
    }

    private long userId(String email) {
        return jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();
    }

    private HttpResponse<String> forgot(String email) {
        var visitor = new SignInForm(port);
        visitor.read("/app/password/forgot");
        return visitor.post("/app/password/forgot", Map.of("email", email));
    }

    private static String withoutCsrf(String body) {
        return body.replaceAll("value=\"[^\"]*\"\\s+name=\"_csrf\"|name=\"_csrf\"\\s+value=\"[^\"]*\"", "").replaceAll("<meta name=\"csrf-token\"[^>]*>", "");
    }
}
