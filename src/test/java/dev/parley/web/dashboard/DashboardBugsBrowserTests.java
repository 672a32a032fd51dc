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

        agent.findElement(By.id("content")).sendKeys("/gre");
        waitFor(agent, Duration.ofSeconds(3), d -> d.findElement(By.id("canned-greet")).isDisplayed());
        assertThat(agent.findElement(By.id("canned-greet")).getText()).contains("Hi Cara Client");
        agent.findElement(By.id("canned-greet")).click();
        assertThat(agent.findElement(By.id("content")).getAttribute("value")).isEqualTo(expected);
        agent.findElement(By.id("send")).click();
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("thread")).getText().contains(expected));

        // typed straight into the box, the variables are filled as the reply is sent
        agent.findElement(By.id("content")).sendKeys("Bye {{ contact.name }}!");
        agent.findElement(By.id("send")).click();
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("thread")).getText().contains("Bye Cara Client!"));

        // a template that cannot render is sent as typed, never an error page
        agent.findElement(By.id("content")).sendKeys("/broken");
        waitFor(agent, Duration.ofSeconds(3), d -> d.findElement(By.id("canned-broken")).isDisplayed());
        agent.findElement(By.id("canned-broken")).click();
        agent.findElement(By.id("send")).click();
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

        agent.findElement(By.id("resolve")).click();
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("status")).getText().equals("resolved"));
        assertThat(agent.findElements(By.id("resolve"))).as("Resolve on a resolved conversation").isEmpty();
        agent.findElement(By.id("reopen")).click();
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
}
