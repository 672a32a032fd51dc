package dev.parley.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.FreshInstallationTest;
import dev.parley.support.SignInForm;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The first run: a fresh installation's {@code /} leads to onboarding, which works once, also when two browsers race for it. */
class FirstRunIntegrationTests extends FreshInstallationTest {

    private static Map<String, String> onboarding(String email) {
        return Map.of("account_name", "Acme", "name", "Ada Admin", "email", email, "password", "secret123", "password_confirmation", "secret123");
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    @Test
    void onboardingCreatesTheAccountAndItsAdministratorSignsHerInAndThenCloses() {
        var browser = new SignInForm(port);
        assertThat(location(browser.read("/"))).endsWith("/app/onboarding");
        assertThat(browser.read("/app/onboarding").body()).contains("Set up your organisation");

        var done = browser.post("/app/onboarding", onboarding("ada@acme.test"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(location(done)).matches(".*/app/accounts/\\d+/conversations\\?view=mine");
        var page = browser.read(location(done).replaceFirst("^https?://[^/]+", ""));
        assertThat(page.statusCode()).as("signed in").isEqualTo(200);
        assertThat(page.body()).contains("Get started").contains("Create an inbox");
        long accountId = Long.parseLong(location(done).replaceAll(".*/accounts/(\\d+)/.*", "$1"));
        long adaId = jdbc.sql("SELECT id FROM users WHERE email = 'ada@acme.test'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT role || ' ' || availability || ' ' || auto_offline FROM account_users WHERE account_id = ? AND user_id = ?")
                .params(accountId, adaId).query(String.class).single()).isEqualTo("administrator online true");
        assertThat(SignInForm.signedIn(new SignInForm(port).signIn("ada@acme.test", "secret123"))).isTrue();

        assertThat(location(new SignInForm(port).read("/"))).as("afterwards / leads to the dashboard").endsWith("/app");
        var late = new SignInForm(port);
        assertThat(location(late.read("/app/onboarding"))).endsWith("/app");
        late.read("/app/login");
        var refused = late.post("/app/onboarding", onboarding("eve@evil.test"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("set up already");
        assertThat(jdbc.sql("SELECT count(*) FROM accounts").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = 'eve@evil.test'").query(Long.class).single()).isZero();
    }

    @Test
    void ofTwoBrowsersOnboardingAtOnceOneWins() throws Exception {
        var first = new SignInForm(port);
        var second = new SignInForm(port);
        first.read("/app/onboarding");
        second.read("/app/onboarding");
        var start = new CountDownLatch(1);
        var a = CompletableFuture.supplyAsync(() -> awaitThen(start, () -> first.post("/app/onboarding", onboarding("ada@acme.test"))));
        var b = CompletableFuture.supplyAsync(() -> awaitThen(start, () -> second.post("/app/onboarding", onboarding("bea@acme.test"))));
        start.countDown();
        List<Integer> statuses = List.of(a.get().statusCode(), b.get().statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(302, 409);
        assertThat(jdbc.sql("SELECT count(*) FROM accounts").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM users").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anInstallationSetUpThroughThePlatformApiIsNotOnboardedAgain() {
        var browser = new SignInForm(port);
        browser.read("/app/onboarding");
        platform().post("/platform/api/v1/accounts", Map.of("name", "Made by curl")).expect(200);
        assertThat(location(browser.read("/"))).endsWith("/app");
        assertThat(browser.post("/app/onboarding", onboarding("ada@acme.test")).statusCode()).isEqualTo(409);
    }

    @Test
    void aMistakeInTheFormIsShownAndLeavesTheInstallationFresh() {
        var browser = new SignInForm(port);
        browser.read("/app/onboarding");
        var wrong = browser.post("/app/onboarding", Map.of("account_name", "Acme", "name", "Ada", "email", "ada@acme.test",
                "password", "secret123", "password_confirmation", "secret124"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("doesn&#39;t match Password").contains("value=\"ada@acme.test\"");
        assertThat(location(browser.read("/"))).endsWith("/app/onboarding");
    }

    private static <T> T awaitThen(CountDownLatch start, java.util.function.Supplier<T> action) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return action.get();
    }
}
