package dev.parley.benchmarks;

import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What one live refresh of the conversation list costs the server (not part of {@code ./mvnw verify}; run it
 * with {@code ./mvnw test -Dtest=DashboardListBenchmark}). 300 open conversations; a signed-in agent's
 * browser asks for the list fragment (tabs, counts, 25 cards) and for a 100-card refresh (four pages
 * loaded by scrolling), as the live stream makes every open list do on each change.
 */
class DashboardListBenchmark extends IntegrationTest {

    @Test
    void listRefresh() throws Exception {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        for (int i = 0; i < 300; i++) fixtures.conversation(fixtures.customer(inbox, "Load " + i), "message " + i);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        signIn(browser, team.adminUser().email());
        String list = "http://localhost:" + port + "/app/accounts/" + team.accountId() + "/conversations/list?view=all";
        measure(browser, list, "list fragment, 25 cards");
        measure(browser, list + "&loaded=100", "list fragment, 100 cards (4 pages loaded)");
    }

    private static void measure(HttpClient browser, String url, String what) throws Exception {
        for (int i = 0; i < 50; i++) get(browser, url); // warm-up
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long start = System.nanoTime();
            get(browser, url);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("BENCH %s: median %.1f ms, p99 %.1f ms%n", what, millis.get(millis.size() / 2), millis.get(millis.size() * 99 / 100));
    }

    private static String get(HttpClient browser, String url) throws Exception {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException(url + " answered " + response.statusCode());
        return response.body();
    }

    private void signIn(HttpClient browser, String email) throws Exception {
        String login = "http://localhost:" + port + "/app/login";
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(browser, login));
        if (!csrf.find()) throw new IllegalStateException("no CSRF token on the sign-in page");
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=secret123&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(URI.create(login)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
