package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Fixtures.Inbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The dashboard bugs of issue #13 ("Bugs seen on the way"), each seen through the browser. */
class DashboardBugsBrowserTests extends BrowserTest {

    /** Bug 1: a canned response's variables are filled for the conversation when it is inserted, and as it is sent. */
    @Test
    void cannedResponseVariablesAreFilledForTheConversation() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        team.admin().post(team.path("/canned_responses"), Map.of("short_code", "greet",
                "content", "Hi {{contact.name}}, {{agent.name}} here about #{{conversation.display_id}} on {{inbox.name}}.")).expect(200);
        team.admin().post(team.path("/canned_responses"), Map.of("short_code", "broken", "content", "Dear {{contact.name")).expect(200);
        long id = fixtures.conversation(fixtures.customer(inbox, "Cara Client"), "hello?");
        WebDriver agent = signedIn(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + id);
        String expected = "Hi Cara Client, Alan Agent here about #" + id + " on Website.";

        type(agent, By.id("content"), "/gre");
        waitFor(agent, Duration.ofSeconds(3), d -> d.findElement(By.id("canned-greet")).isDisplayed());
        assertThat(text(agent, By.id("canned-greet"))).contains("Hi Cara Client");
        click(agent, By.id("canned-greet"));
        assertThat(agent.findElement(By.id("content")).getAttribute("value")).isEqualTo(expected);
        click(agent, By.id("send"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("thread")).getText().contains(expected));

        // typed straight into the box, the variables are filled as the reply is sent
        type(agent, By.id("content"), "Bye {{ contact.name }}!");
        click(agent, By.id("send"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("thread")).getText().contains("Bye Cara Client!"));

        // a template that cannot render is sent as typed, never an error page
        type(agent, By.id("content"), "/broken");
        waitFor(agent, Duration.ofSeconds(3), d -> d.findElement(By.id("canned-broken")).isDisplayed());
        click(agent, By.id("canned-broken"));
        click(agent, By.id("send"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("thread")).getText().contains("Dear {{contact.name"));
        assertThat(team.agent().get(team.path("/conversations/" + id + "/messages")).expect(200).body()).doesNotContain("{{contact.name}}");
    }

    /** Bug 8: only the status commands that change something, no "Assign to me" on my own conversation, Delete looks dangerous. */
    @Test
    void commandsFitTheConversationAndDeleteLooksDangerous() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        long id = fixtures.conversation(fixtures.customer(inbox, "Cara Client"), "hello?");
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);
        WebDriver agent = signedIn(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + id);
        assertThat(agent.findElements(By.id("resolve"))).hasSize(1);
        assertThat(agent.findElements(By.id("reopen"))).as("Reopen on an open conversation").isEmpty();
        assertThat(agent.findElements(By.id("assign-me"))).as("Assign to me on my own conversation").isEmpty();

        click(agent, By.id("resolve"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("status")).getText().equals("resolved"));
        assertThat(agent.findElements(By.id("resolve"))).as("Resolve on a resolved conversation").isEmpty();
        click(agent, By.id("reopen"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("status")).getText().equals("open"));
        assertThat(agent.findElements(By.id("reopen"))).isEmpty();
        // resolved elsewhere: the open page follows without a reload
        Browsers.awaitLive(agent);
        team.admin().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved")).expect(200);
        waitFor(agent, Duration.ofSeconds(5), d -> !d.findElements(By.id("reopen")).isEmpty() && d.findElements(By.id("resolve")).isEmpty());
        team.admin().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "open")).expect(200);

        WebDriver admin = signedIn(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + id);
        assertThat(admin.findElements(By.id("assign-me"))).as("someone else's conversation can be taken").hasSize(1);
        long canned = team.admin().post(team.path("/canned_responses"), Map.of("short_code", "bye", "content", "Bye")).expect(200).json().get("id").asLong();
        admin.get(base + "/app/accounts/" + team.accountId() + "/settings");
        WebElement delete = admin.findElement(By.id("delete-canned-" + canned));
        WebElement ordinary = admin.findElement(By.cssSelector("button[type=submit]:not(.danger)"));
        assertThat(delete.getAttribute("aria-label")).isEqualTo("Delete canned response /bye");
        assertThat(delete.getCssValue("color")).isNotEqualTo(ordinary.getCssValue("color"));
        assertThat(delete.getCssValue("border-color")).isNotEqualTo(ordinary.getCssValue("border-color"));
    }

    /** Bug 11: /favicon.ico is an icon for anyone (no sign-in), not a 404. */
    @Test
    void theFaviconIsServedWithoutSignIn() {
        WebDriver stranger = unsigned(1280, 900);
        stranger.get(base + "/app/login");
        Object answer = ((JavascriptExecutor) stranger).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch('/favicon.ico', {credentials: 'omit', redirect: 'manual'})
                    .then(function (r) { return r.arrayBuffer().then(function (b) { done(r.status + ' ' + r.headers.get('content-type') + ' ' + b.byteLength); }); })
                    .catch(function (e) { done('failed ' + e); });
                """);
        assertThat(String.valueOf(answer)).matches("200 image/(x-icon|vnd\\.microsoft\\.icon) \\d+");
        assertThat(stranger.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href")).endsWith("/favicon.ico");
    }

    /** Bug 11: a queue row says who waits and what they wrote last, not only "#6". */
    @Test
    void queueRowsShowTheContactAndTheLastMessage() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        team.agent().post("/api/v1/profile/availability", Map.of("profile", Map.of("availability", "offline", "account_id", team.accountId()))).expect(200);
        long id = fixtures.conversation(fixtures.customer(inbox, "Queue Quinn"), "my parcel never arrived");
        WebDriver admin = signedIn(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/queue");
        waitFor(admin, Duration.ofSeconds(3), d -> d.findElement(By.id("waiting-" + id)).isDisplayed());
        String row = admin.findElement(By.id("waiting-" + id)).getText();
        assertThat(row).contains("#" + id + " · Queue Quinn").contains("my parcel never arrived");
    }

    /** Bug 11: an activity line written by a rule names the rule once, and that name links to the rule. */
    @Test
    void activityLinesNameTheRuleOnce() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        long ruleId = team.admin().post(team.path("/automation_rules"), Map.of("name", "Unassign on resolve", "event_name", "conversation_updated",
                "conditions", List.of(Map.of("attribute_key", "status", "filter_operator", "equal_to", "values", List.of("resolved"))),
                "actions", List.of(Map.of("action_name", "assign_agent", "action_params", List.of("nil"))))).expect(200).json().get("id").asLong();
        long id = fixtures.conversation(fixtures.customer(inbox, "Rule Rita"), "help please");
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);
        team.agent().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved")).expect(200);
        WebDriver agent = signedIn(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + id);
        waitFor(agent, Duration.ofSeconds(5), d -> {
            d.navigate().refresh();
            return !d.findElements(By.cssSelector("#thread .activity a.rule-link")).isEmpty();
        });
        WebElement line = agent.findElement(By.cssSelector("#thread .activity a.rule-link")).findElement(By.xpath("ancestor::li[1]"));
        String text = line.getText();
        assertThat(text.indexOf("Unassign on resolve")).as(text).isEqualTo(text.lastIndexOf("Unassign on resolve"));
        assertThat(line.findElement(By.cssSelector("a.rule-link")).getAttribute("href")).endsWith("/automation/" + ruleId);
    }
    /** Bug 2: "select all N matching" changes the N confirmed, not a conversation that arrived while the dialog was open. */
    @Test
    void selectAllMatchingChangesExactlyWhatWasConfirmed() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        for (int i = 0; i < 4; i++) fixtures.conversation(fixtures.customer(inbox, "Pinned " + i), "hi");
        WebDriver admin = signedIn(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/conversations?view=all");
        Browsers.awaitLive(admin);
        click(admin, By.id("select-all-matching"));
        new Select(admin.findElement(By.id("bulk-action"))).selectByValue("resolve");
        click(admin, By.id("bulk-apply"));
        waitFor(admin, Duration.ofSeconds(3), d -> d.findElement(By.id("confirm-dialog")).isDisplayed());
        assertThat(text(admin, By.id("confirm-question"))).isEqualTo("Apply to 4 conversation(s)?");

        long late = fixtures.conversation(fixtures.customer(inbox, "Late Lou"), "me too");
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("matching-count")).getAttribute("textContent").equals("5"));
        click(admin, By.id("confirm-ok"));
        waitFor(admin, Duration.ofSeconds(10), d -> !d.findElements(By.id("bulk-result")).isEmpty());
        assertThat(text(admin, By.id("bulk-result"))).isEqualTo("4 conversation(s) changed.");
        assertThat(team.admin().get(team.path("/conversations/" + late)).expect(200).json().get("status").asString()).isEqualTo("open");
    }

    /** Bug 3: the sidebar's counts (inbox, Unattended) and the "matching" count follow new conversations without a reload. */
    @Test
    void sidebarAndMatchingCountsUpdateLive() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        fixtures.conversation(fixtures.customer(inbox, "First Fay"), "hello");
        WebDriver admin = signedIn(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/conversations?view=all");
        Browsers.awaitLive(admin);
        assertThat(admin.findElement(By.cssSelector("#side-inbox-" + inbox.id() + " .count")).getText()).isEqualTo("1");
        assertThat(text(admin, By.cssSelector("#side-type-unattended .count"))).isEqualTo("1");
        assertThat(text(admin, By.id("matching-count"))).isEqualTo("1");

        fixtures.conversation(fixtures.customer(inbox, "Second Sam"), "hello too");
        waitFor(admin, WITHIN_A_SECOND, d -> d.findElement(By.cssSelector("#side-inbox-" + inbox.id() + " .count")).getText().equals("2")
                && d.findElement(By.cssSelector("#side-type-unattended .count")).getText().equals("2")
                && d.findElement(By.id("matching-count")).getText().equals("2"));
    }

    /** Bug 4: an agent who chose "online" but has no dashboard open is not routed to, and no page calls him online. */
    @Test
    void anAgentWithoutAnOpenDashboardIsNotShownOnline() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        team.agent().post("/api/v1/profile/auto_offline", Map.of("profile", Map.of("auto_offline", true, "account_id", team.accountId()))).expect(200);
        team.agent().post("/api/v1/profile/availability", Map.of("profile", Map.of("availability", "online", "account_id", team.accountId()))).expect(200);
        long id = fixtures.conversation(fixtures.customer(inbox, "Nobody Home"), "anyone?");
        WebDriver admin = signedIn(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/agents");
        String row = admin.findElement(By.id("agent-" + team.agentUser().id())).getText();
        assertThat(row).contains("offline (no dashboard open)").doesNotContain(" online ");

        admin.get(base + "/app/accounts/" + team.accountId() + "/queue");
        assertThat(admin.findElement(By.id("agent-" + inbox.id() + "-" + team.agentUser().id())).getText()).contains("offline (no dashboard open)");

        admin.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + id);
        String choice = new Select(admin.findElement(By.id("assignee-select"))).getOptions().stream().map(WebElement::getText)
                .filter(t -> t.startsWith(team.agentUser().name())).findFirst().orElseThrow();
        assertThat(choice).isEqualTo(team.agentUser().name() + " · offline (no dashboard open) · 0 open");
    }

    /** Bug 5: "@" in a note suggests agents, a first name or its start mentions the agent, and the note holds Chatwoot's mention markup. */
    @Test
    void mentionsAreSuggestedAndMatchedByFirstName() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        long id = fixtures.conversation(fixtures.customer(inbox, "Mona Mention"), "refund?");
        WebDriver admin = signedIn(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + id);
        click(admin, By.id("private"));
        type(admin, By.id("content"), "Could you check, @Al");
        String suggestion = "mention-" + team.agentUser().id();
        waitFor(admin, Duration.ofSeconds(3), d -> d.findElement(By.id(suggestion)).isDisplayed());
        click(admin, By.id(suggestion));
        assertThat(admin.findElement(By.id("content")).getAttribute("value")).isEqualTo("Could you check, @" + team.agentUser().name() + " ");
        type(admin, By.id("content"), "please");
        click(admin, By.id("send"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("thread")).getText().contains("please"));

        click(admin, By.id("private"));
        type(admin, By.id("content"), "@alan thanks");
        click(admin, By.id("send"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("thread")).getText().contains("thanks"));

        String markup = "[@" + team.agentUser().name() + "](mention://user/" + team.agentUser().id() + "/" + team.agentUser().name().replace(" ", "%20") + ")";
        var contents = new java.util.ArrayList<String>();
        team.admin().get(team.path("/conversations/" + id + "/messages")).expect(200).json().get("payload")
                .forEach(m -> contents.add(m.get("content").isNull() ? "" : m.get("content").asString()));
        assertThat(contents).contains("Could you check, " + markup + " please", markup + " thanks");
    }

    /** Bug 6: an agent on an administrator's page, a missing conversation, another account or an unknown address gets a page. */
    @Test
    void refusedAndMissingPagesArePagesWithTheirStatus() {
        long other = fixtures.account().accountId();
        WebDriver agent = signedIn(team.agentUser().email());
        String a = base + "/app/accounts/" + team.accountId();
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put(a + "/automation", "403 Not allowed");
        expected.put(a + "/reports", "403 Not allowed");
        expected.put(a + "/conversations/99999", "404 Not found");
        expected.put(base + "/app/accounts/" + other + "/conversations?view=all", "404 Not found");
        expected.put(a + "/no-such-page", "404 Not found");
        expected.forEach((url, page) -> {
            agent.get(url);
            Object status = ((JavascriptExecutor) agent).executeAsyncScript(
                    "var done = arguments[arguments.length - 1]; fetch(location.href).then(function (r) { done(r.status); });");
            assertThat(status + " " + text(agent, By.id("error-title"))).as(url).isEqualTo(page);
            assertThat(text(agent, By.tagName("body"))).as(url).doesNotContain("{\"");
        });
    }

    /** Bug 7: the builder's summary and trap warning follow the form before saving, "nil" reads as unassign, and saving says so. */
    @Test
    void ruleBuilderSummaryIsLiveAndSavingSaysSaved() {
        WebDriver admin = signedIn(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/automation/new");
        new Select(admin.findElement(By.id("rule-event"))).selectByValue("conversation_updated");
        AutomationBrowserTests.choose(admin, "condition-attribute-0", "status", "condition-value-0", "resolved");
        AutomationBrowserTests.choose(admin, "action-name-0", "assign_agent", "action-value-0", "nil");
        waitFor(admin, Duration.ofSeconds(3), d -> d.findElement(By.id("rule-summary")).getText().contains("unassign the agent")
                && !d.findElements(By.cssSelector("#rule-preview .warning")).isEmpty());
        assertThat(text(admin, By.id("rule-summary"))).startsWith("When conversation updated and status equal to resolved")
                .doesNotContain("nil");
        assertThat(admin.findElements(By.id("rule-saved"))).isEmpty();

        type(admin, By.id("rule-name"), "Unassign on resolve");
        click(admin, By.id("save-rule"));
        waitFor(admin, Duration.ofSeconds(5), d -> !d.findElements(By.id("rule-saved")).isEmpty());
        assertThat(text(admin, By.id("rule-saved"))).isEqualTo("Saved.");
        assertThat(text(admin, By.id("rule-summary"))).contains("unassign the agent").doesNotContain("nil");
    }

    /** Bug 9: snooze until a picked date and time, and the conversation says until when. */
    @Test
    void snoozeUntilAPickedDateAndTime() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        long id = fixtures.conversation(fixtures.customer(inbox, "Sleepy Sue"), "next week is fine");
        WebDriver agent = signedIn(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + id);
        // the picker in the browser's zone (UTC here) three days ahead at 09:30
        String local = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3) + "T09:30";
        ((JavascriptExecutor) agent).executeScript("document.getElementById('snooze-at').value = arguments[0];", local);
        click(agent, By.id("snooze"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("status")).getText().equals("snoozed"));
        var day = java.time.LocalDate.parse(local.substring(0, 10));
        String shown = day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " "
                + day.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " " + day.getDayOfMonth() + ", 09:30 UTC";
        assertThat(text(agent, By.id("snoozed-until"))).isEqualTo("· Snoozed until " + shown);
        long until = team.agent().get(team.path("/conversations/" + id)).expect(200).json().get("snoozed_until").asLong();
        assertThat(java.time.Instant.ofEpochSecond(until)).isEqualTo(java.time.LocalDateTime.parse(local).toInstant(java.time.ZoneOffset.UTC));
    }

    /** Bug 10: report times carry their unit, and a time with nothing to average is "—", not 0. */
    @Test
    void reportFiguresHaveUnitsAndMissingDataIsADash() {
        WebDriver admin = signedIn(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/reports");
        assertThat(text(admin, By.cssSelector("#figure-avg_first_response_time .value"))).isEqualTo("—");
        assertThat(text(admin, By.cssSelector("#figure-avg_resolution_time .value"))).isEqualTo("—");
        assertThat(text(admin, By.cssSelector("#figure-conversations_count .value"))).isEqualTo("0");

        Inbox inbox = fixtures.inbox(team, team.agentUser());
        long id = fixtures.conversation(fixtures.customer(inbox, "Quick Quin"), "hello");
        team.agent().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "hi there")).expect(200);
        waitFor(admin, Duration.ofSeconds(10), d -> {
            d.navigate().refresh();
            return d.findElement(By.cssSelector("#figure-avg_first_response_time .value")).getText().matches("\\d+ (s|min)");
        });
        assertThat(text(admin, By.cssSelector("#figure-avg_resolution_time .value"))).isEqualTo("—");
    }
}
