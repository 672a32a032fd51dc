package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard in headless Chromium: live triage and replying, as agents use it. */
class DashboardBrowserTests extends BrowserTest {





    @Test
    void liveTriageCardsAppearAndMoveWithoutReload() {
        var inbox = fixtures.inbox(team, team.agentUser());
        WebDriver agent = browser(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations?view=unassigned");
        Browsers.awaitLive(agent);
        WebDriver admin = browser(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/conversations?view=all");
        Browsers.awaitLive(admin);
        waitFor(admin, Duration.ofSeconds(3), d -> d.findElement(By.id("count-unassigned")).getText().equals("0"));

        long id = fixtures.conversation(fixtures.customer(inbox, "Live Lena"), "Is anyone there?");
        waitFor(agent, WITHIN_A_SECOND, d -> d.findElement(By.id("conversation-" + id)).getText().contains("Is anyone there?"));
        waitFor(agent, Duration.ofSeconds(3), d -> d.findElement(By.id("conversation-" + id)).getText().contains("Live Lena")
                && d.findElement(By.id("count-unassigned")).getText().equals("1"));
        waitFor(admin, WITHIN_A_SECOND, d -> d.findElement(By.id("count-unassigned")).getText().equals("1"));

        click(agent, By.cssSelector("#conversation-" + id + " button.assign-me"));
        new WebDriverWait(agent, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("view=mine"));
        waitFor(agent, Duration.ofSeconds(3), d -> d.findElements(By.id("conversation-" + id)).size() == 1
                && d.findElement(By.id("count-mine")).getText().equals("1"));
        waitFor(admin, WITHIN_A_SECOND, d -> d.findElement(By.id("count-unassigned")).getText().equals("0"));
    }

    @Test
    void replyReachesTheCustomerThePrivateNoteDoesNotAndCustomerRepliesAppearLive() {
        var inbox = fixtures.inbox(team, team.agentUser());
        var customer = fixtures.customer(inbox, "Reply Rosa");
        long id = fixtures.conversation(customer, "My parcel is late");
        WebDriver agent = browser(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + id);
        Browsers.awaitLive(agent);

        type(agent, By.id("content"), "Sorry about that, checking now");
        click(agent, By.id("send"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("thread")).getText().contains("checking now"));
        Browsers.awaitLive(agent);
        type(agent, By.id("content"), "Courier lost it, refund if needed");
        click(agent, By.id("private"));
        click(agent, By.id("send"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("thread")).getText().contains("Courier lost it"));

        List<String> seenByCustomer = new ArrayList<>();
        anonymous().get(customer.conversationsPath() + "/" + id + "/messages").expect(200).json()
                .forEach(m -> seenByCustomer.add(m.get("content").asString()));
        assertThat(seenByCustomer).contains("Sorry about that, checking now").doesNotContain("Courier lost it, refund if needed");

        Browsers.awaitLive(agent);
        anonymous().post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", "Thanks, waiting")).expect(200);
        waitFor(agent, WITHIN_A_SECOND, d -> d.findElement(By.id("thread")).getText().contains("Thanks, waiting"));

        click(agent, By.id("resolve"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("status")).getText().equals("resolved"));
    }

    @Test
    void wrongPasswordIsRefusedWithAnExplanation() {
        WebDriver browser = unsigned(1280, 900);
        browser.get(base + "/app/login");
        type(browser, By.id("email"), team.agentUser().email());
        type(browser, By.id("password"), "not-the-password");
        click(browser, By.id("sign-in"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !d.findElements(By.id("login-error")).isEmpty());
        browser.get(base + "/app/accounts/" + team.accountId() + "/conversations");
        assertThat(browser.getCurrentUrl()).contains("/app/login");
    }


    private WebDriver browser(String email) {
        return signedIn(email);
    }
}
