package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.FreshInstallationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A team starts Parley from the browser, no curl: the first administrator onboards, creates an API inbox, invites an
 * agent (the link is shown, no mail is set up), the agent sets a password, signs in and is online, and a customer's
 * first conversation is routed to him.
 */
class FirstRunBrowserTests extends FreshInstallationTest {

    @RegisterExtension
    final OpenBrowsers browsers = new OpenBrowsers();
    private String base;

    @BeforeEach
    void base() {
        base = "http://localhost:" + port;
    }

    @Test
    void aTeamStartsFromTheBrowserAndTheFirstConversationGoesToTheInvitedAgent() {
        WebDriver ada = open();
        ada.get(base + "/");
        assertAccessible(ada, "onboarding");
        type(ada, "account-name", "Acme Support");
        type(ada, "name", "Ada Admin");
        type(ada, "email", "ada@acme.test");
        type(ada, "password", "ada-secret");
        type(ada, "password-confirmation", "ada-secret");
        ada.findElement(By.id("create-account")).click();
        waitFor(ada, d -> d.getCurrentUrl().contains("/conversations") && d.findElement(By.id("getting-started")).getText().contains("1 of 4"));

        ada.findElement(By.linkText("Create an inbox")).click();
        type(ada, "inbox-name", "Website");
        WebElement herself = ada.findElement(By.cssSelector("#new-inbox-form input[name=members]"));
        assertThat(herself.isSelected()).as("the administrator is offered as a member").isTrue();
        assertThat(ada.findElement(By.id("auto-assignment")).isSelected()).isTrue();
        ada.findElement(By.id("create-inbox")).click();
        waitFor(ada, d -> d.findElement(By.id("inbox-created")).isDisplayed());
        String identifier = ada.findElement(By.id("inbox-identifier")).getText();
        String inboxSettings = ada.getCurrentUrl().replaceAll("\\?.*", "");

        ada.get(base + "/app");
        ada.findElement(By.linkText("Invite your agents")).click();
        type(ada, "agent-name", "Ben Agent");
        type(ada, "agent-email", "ben@acme.test");
        ada.findElement(By.id("add-agent-button")).click();
        waitFor(ada, d -> d.findElement(By.id("handover")).getText().contains("Hand this invitation link to Ben Agent"));
        String link = ada.findElement(By.id("handover-link")).getAttribute("value");
        assertAccessible(ada, "agents with the link to hand over");
        assertThat(link).contains("/app/password/set?token=");

        WebDriver ben = open();
        ben.get(link);
        waitFor(ben, d -> d.findElement(By.id("set-title")).getText().contains("Welcome, Ben Agent"));
        assertAccessible(ben, "set password");
        type(ben, "password", "ben-secret");
        type(ben, "password-confirmation", "ben-secret");
        ben.findElement(By.id("set-password")).click();
        waitFor(ben, d -> d.findElement(By.id("password-set")).isDisplayed());
        Browsers.signIn(ben, base, "ben@acme.test", "ben-secret");
        Browsers.awaitLive(ben);
        assertThat(ben.findElement(By.id("availability-select")).getAttribute("value")).as("a new agent starts online").isEqualTo("online");
        long benId = jdbc.sql("SELECT id FROM users WHERE email = 'ben@acme.test'").query(Long.class).single();
        ada.get(base + "/app");
        ada.findElement(By.id("nav-agents")).click();
        waitFor(ada, d -> d.findElement(By.cssSelector("#agent-" + benId + " .availability-cell")).getText().equals("online"));

        ada.get(inboxSettings);
        WebElement adaMember = ada.findElement(By.cssSelector("#inbox-form input[name=members]:checked"));
        adaMember.click(); // Ada leaves the answering to Ben
        ada.findElement(By.id("member-" + benId)).click();
        ada.findElement(By.id("save-inbox")).click();
        waitFor(ada, d -> d.findElement(By.id("settings-saved")).isDisplayed());

        ben.get(base + "/app");
        Browsers.awaitLive(ben);
        var customers = anonymous();
        String sourceId = customers.post("/public/api/v1/inboxes/" + identifier + "/contacts", Map.of("name", "Carla Customer"))
                .expect(200).json().get("source_id").asString();
        String conversations = "/public/api/v1/inboxes/" + identifier + "/contacts/" + sourceId + "/conversations";
        long id = customers.post(conversations, Map.of()).expect(200).json().get("id").asLong();
        customers.post(conversations + "/" + id + "/messages", Map.of("content", "Hello, is my order on its way?")).expect(200);

        waitFor(ben, d -> d.findElement(By.id("count-mine")).getText().equals("1")
                && d.findElement(By.id("conversation-" + id)).getText().contains("Carla Customer"));
    }

    /** axe-core finds no serious or critical violation on the page as it is now. */
    private static void assertAccessible(WebDriver browser, String page) {
        assertThat(Browsers.seriousAccessibilityViolations(browser)).as(page).isEmpty();
    }

    private WebDriver open() {
        return browsers.open(1280, 900);
    }

    private static void type(WebDriver browser, String id, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.id(id)).isDisplayed());
        browser.findElement(By.id(id)).sendKeys(text);
    }

    private static void waitFor(WebDriver browser, java.util.function.Function<WebDriver, Boolean> condition) {
        BrowserTest.waitFor(browser, Duration.ofSeconds(20), condition);
    }
}
