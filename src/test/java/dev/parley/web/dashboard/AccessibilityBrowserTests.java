package dev.parley.web.dashboard;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** axe-core finds no serious or critical problem on the main pages, and at 375 x 812 nothing scrolls sideways. */
class AccessibilityBrowserTests extends BrowserTest {

    private Map<String, String> pages;

    @BeforeEach
    void pages() {
        var inbox = fixtures.inbox(team, team.agentUser());
        long id = fixtures.conversation(fixtures.customer(inbox, "Axe Anna"), "Hello, I need help with my invoice");
        team.admin().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "Looking into it")).expect(200);
        team.admin().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "internal", "private", true)).expect(200);
        long rule = team.admin().post(team.path("/automation_rules"), Map.of("name", "Tag", "event_name", "conversation_created",
                "conditions", List.of(), "actions", List.of(Map.of("action_name", "add_label", "action_params", List.of("tagged"))))).expect(200)
                .json().get("id").asLong();
        long mail = team.admin().post(team.path("/inboxes"), Map.of("name", "Mail", "channel", Map.of("type", "email", "email", "help@acme.test")))
                .expect(200).json().get("id").asLong();
        String a = "/app/accounts/" + team.accountId();
        pages = Map.ofEntries(Map.entry("list", a + "/conversations?view=all"),
                Map.entry("conversation", a + "/conversations/" + id),
                Map.entry("builder", a + "/automation/" + rule),
                Map.entry("new-rule", a + "/automation/new"),
                Map.entry("queue", a + "/queue"),
                Map.entry("rules", a + "/automation"),
                Map.entry("agents", a + "/agents"),
                Map.entry("inbox-settings", a + "/inboxes/" + inbox.id() + "/settings"),
                Map.entry("reports", a + "/reports"),
                Map.entry("settings", a + "/settings"),
                Map.entry("webhooks", a + "/webhooks"),
                Map.entry("profile", a + "/profile"),
                Map.entry("notifications", a + "/notifications"),
                Map.entry("new-inbox", a + "/inboxes/new"),
                Map.entry("new-website-inbox", a + "/inboxes/new?channel_type=web_widget"),
                Map.entry("new-email-inbox", a + "/inboxes/new?channel_type=email"),
                Map.entry("email-inbox-settings", a + "/inboxes/" + mail + "/settings"),
                Map.entry("forgot-password", "/app/password/forgot"),
                Map.entry("not-found", a + "/conversations/99999"),
                Map.entry("search", a + "/search?q=invoice"),
                Map.entry("contacts", a + "/contacts"),
                Map.entry("contact", a + "/contacts/" + team.admin().get(team.path("/contacts")).expect(200).json().get("payload").get(0).get("id").asLong()));
    }


    static final List<String> ALL_PAGES = List.of("list", "conversation", "builder", "new-rule", "queue", "rules", "agents", "inbox-settings",
            "reports", "settings", "webhooks", "profile", "notifications", "new-inbox", "new-website-inbox", "new-email-inbox",
            "email-inbox-settings", "forgot-password", "not-found",
            "search", "contacts", "contact");
    /** Every page at phone size; the workspace's phone layout (one pane, header menu, details overlay) is checked by axe too. */
    static final List<String> PHONE_PAGES = ALL_PAGES;
    static final List<String> PHONE_AXE_PAGES = List.of("list", "conversation");

    /** One signed-in browser visits every page; each page's serious or critical violations are reported under its name. */
    @Test
    void noSeriousOrCriticalViolations() {
        axeOn(browser(1280, 900), ALL_PAGES);
    }

    @Test
    void noSeriousOrCriticalViolationsOnAPhone() {
        axeOn(browser(375, 812), PHONE_AXE_PAGES);
    }

    private void axeOn(WebDriver browser, List<String> visited) {
        SoftAssertions pagesChecked = new SoftAssertions();
        for (String page : visited) {
            browser.get("http://localhost:" + port + pages.get(page));
            pagesChecked.assertThat(Browsers.seriousAccessibilityViolations(browser)).as(page).isEmpty();
        }
        pagesChecked.assertAll();
    }

    @Test
    void nothingScrollsSidewaysOnAPhone() {
        WebDriver browser = browser(375, 812);
        SoftAssertions pagesChecked = new SoftAssertions();
        for (String page : PHONE_PAGES) {
            browser.get("http://localhost:" + port + pages.get(page));
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            pagesChecked.assertThat(((Number) overflow).intValue()).as(page).isLessThanOrEqualTo(0);
        }
        pagesChecked.assertAll();
    }

    private WebDriver browser(int width, int height) {
        return signedIn(team.adminUser().email(), width, height);
    }
}
