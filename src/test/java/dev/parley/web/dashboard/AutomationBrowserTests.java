package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/** The rule builder in headless Chromium: the seed rule, validation and round trip, testing on recent conversations. */
class AutomationBrowserTests extends BrowserTest {





    @Test
    void theSeedRuleBuiltInTheBuilderUnassignsOnResolveAndExplainsItself() {
        var inbox = fixtures.inbox(team, team.agentUser());
        WebDriver admin = browser(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/automation/new");
        type(admin, By.id("rule-name"), "Unassign on resolve");
        new Select(admin.findElement(By.id("rule-event"))).selectByValue("conversation_updated");
        choose(admin, "condition-attribute-0", "status", "condition-value-0", "resolved");
        choose(admin, "action-name-0", "assign_agent", "action-value-0", "nil");
        click(admin, By.id("save-rule"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.getCurrentUrl().contains("saved"));
        long ruleId = Long.parseLong(admin.getCurrentUrl().replaceAll(".*/automation/(\\d+).*", "$1"));

        JsonNode rule = team.admin().get(team.path("/automation_rules/" + ruleId)).expect(200).json().get("payload");
        assertThat(rule.get("event_name").asString()).isEqualTo("conversation_updated");
        assertThat(rule.get("description").asString()).isEmpty();
        JsonNode condition = rule.get("conditions").get(0);
        assertThat(condition.get("attribute_key").asString()).isEqualTo("status");
        assertThat(condition.get("filter_operator").asString()).isEqualTo("equal_to");
        assertThat(condition.get("values").get(0).asString()).isEqualTo("resolved");
        assertThat(condition.get("query_operator").isNull()).isTrue();
        assertThat(rule.get("actions").get(0).get("action_name").asString()).isEqualTo("assign_agent");
        assertThat(rule.get("actions").get(0).get("action_params").get(0).asString()).isEqualTo("nil");

        long since = Instant.now().minusSeconds(60).getEpochSecond();
        long id = fixtures.conversation(fixtures.customer(inbox, "Rule Rita"), "help please");
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);
        WebDriver agent = browser(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + id);
        Browsers.awaitLive(agent);
        waitFor(agent, Duration.ofSeconds(3), d -> d.findElement(By.id("assignee")).getText().equals("Alan Agent"));
        click(agent, By.id("resolve"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("status")).getText().equals("resolved"));
        Browsers.awaitLive(agent);
        // no reload: the rule runs after the resolve commits and its change reaches the open page as a live push
        waitFor(agent, Duration.ofSeconds(1), d -> d.findElement(By.id("assignee")).getText().equals("None"));
        waitFor(agent, Duration.ofSeconds(3), d -> d.findElement(By.cssSelector("#thread a.rule-link")).getText().contains("Unassign on resolve")
                && d.findElement(By.cssSelector("#thread a.rule-link")).getAttribute("href").endsWith("/automation/" + ruleId));

        admin.get(base + "/app/accounts/" + team.accountId() + "/automation");
        waitFor(admin, Duration.ofSeconds(3), d -> d.findElement(By.cssSelector("#rule-" + ruleId + " .matches")).getText().equals("1"));
        admin.get(base + "/app/accounts/" + team.accountId() + "/automation/" + ruleId);
        waitFor(admin, Duration.ofSeconds(3), d -> d.findElement(By.id("runs")).getText().contains("saw resolved"));
        String runs = text(admin, By.id("runs"));
        assertThat(runs).contains("#" + id).contains("saw resolved").contains("matched");
        long resolutions = team.admin().get("/api/v2/accounts/" + team.accountId() + "/reports/summary?type=agent&id=" + team.agentUser().id()
                + "&since=" + since + "&until=" + (Instant.now().getEpochSecond() + 60)).json().get("resolutions_count").asLong();
        assertThat(resolutions).isEqualTo(1);
    }

    @Test
    void anEmptySaveListsEveryMissingFieldAndWhatIsSavedReopensAsEntered() {
        WebDriver admin = browser(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/automation/new");
        click(admin, By.id("save-rule"));
        waitFor(admin, Duration.ofSeconds(5), d -> !d.findElements(By.id("errors")).isEmpty());
        String errors = text(admin, By.id("errors"));
        assertThat(errors).contains("Name can't be blank", "Event can't be blank", "Add at least one action");
        assertThat(admin.findElement(By.id("rule-name")).getAttribute("aria-invalid")).isEqualTo("true");

        type(admin, By.id("rule-name"), "VIP first");
        new Select(admin.findElement(By.id("rule-event"))).selectByValue("conversation_created");
        new Select(admin.findElement(By.id("condition-attribute-0"))).selectByValue("email");
        new Select(admin.findElement(By.id("condition-operator-0"))).selectByValue("contains");
        waitFor(admin, Duration.ofSeconds(3), d -> d.findElement(By.id("condition-value-0")).getTagName().equals("input"));
        type(admin, By.id("condition-value-0"), "vip.test, acme.test");
        new Select(admin.findElement(By.id("condition-join-0"))).selectByValue("or");
        choose(admin, "condition-attribute-1", "priority", "condition-value-1", "high");
        new Select(admin.findElement(By.id("action-name-0"))).selectByValue("add_label");
        waitFor(admin, Duration.ofSeconds(3), d -> d.findElement(By.id("action-value-0")).getTagName().equals("input"));
        waitFor(admin, WITHIN_A_SECOND, d -> { // the live preview may swap the field in while it is typed into
            type(d, By.id("action-value-0"), "vip, priority");
            return true;
        });
        choose(admin, "action-name-1", "change_priority", "action-value-1", "urgent");
        click(admin, By.id("save-rule"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.getCurrentUrl().contains("saved"));
        long ruleId = Long.parseLong(admin.getCurrentUrl().replaceAll(".*/automation/(\\d+).*", "$1"));

        var value = admin.findElement(By.id("condition-value-0"));
        value.clear();
        value.sendKeys("vip.test");
        click(admin, By.id("save-rule"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.getCurrentUrl().contains("saved"));
        admin.navigate().refresh();

        assertThat(admin.findElement(By.id("rule-name")).getAttribute("value")).isEqualTo("VIP first");
        assertThat(new Select(admin.findElement(By.id("rule-event"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("conversation_created");
        assertThat(selected(admin, "condition-attribute-0")).isEqualTo("email");
        assertThat(selected(admin, "condition-operator-0")).isEqualTo("contains");
        assertThat(admin.findElement(By.id("condition-value-0")).getAttribute("value")).isEqualTo("vip.test");
        assertThat(selected(admin, "condition-join-0")).isEqualTo("or");
        assertThat(selected(admin, "condition-attribute-1")).isEqualTo("priority");
        assertThat(selected(admin, "condition-value-1")).isEqualTo("high");
        assertThat(selected(admin, "action-name-0")).isEqualTo("add_label");
        assertThat(admin.findElement(By.id("action-value-0")).getAttribute("value")).isEqualTo("vip, priority");
        assertThat(selected(admin, "action-value-1")).isEqualTo("urgent");

        JsonNode rule = team.admin().get(team.path("/automation_rules/" + ruleId)).expect(200).json().get("payload");
        assertThat(rule.get("conditions").get(0).get("values").toString()).isEqualTo("[\"vip.test\"]");
        assertThat(rule.get("conditions").get(0).get("query_operator").asString()).isEqualTo("or");
        assertThat(rule.get("conditions").get(1).get("values").toString()).isEqualTo("[\"high\"]");
        assertThat(rule.get("conditions").get(1).get("query_operator").isNull()).isTrue();
        assertThat(rule.get("actions").get(0).get("action_params").toString()).isEqualTo("[\"vip\",\"priority\"]");
        assertThat(rule.get("actions").get(1).get("action_params").toString()).isEqualTo("[\"urgent\"]");
    }

    @Test
    void testingOnTheLastTwentyConversationsListsWhoWouldMatchAndChangesNothing() {
        var inbox = fixtures.inbox(team, team.agentUser());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            long id = fixtures.conversation(fixtures.customer(inbox, "T" + i), "hi " + i);
            if (i % 3 == 0) team.admin().post(team.path("/conversations/" + id + "/labels"), Map.of("labels", List.of("vip"))).expect(200);
            ids.add(id);
        }
        long ruleId = team.admin().post(team.path("/automation_rules"), Map.of("name", "Tag VIPs", "event_name", "conversation_updated",
                "active", false, "conditions", List.of(Map.of("attribute_key", "labels", "filter_operator", "equal_to", "values", List.of("vip"))),
                "actions", List.of(Map.of("action_name", "add_label", "action_params", List.of("seen-by-rule"))))).expect(200).json().get("id").asLong();
        WebDriver admin = browser(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/automation/" + ruleId);
        click(admin, By.id("dry-run"));
        waitFor(admin, Duration.ofSeconds(5), d -> !d.findElements(By.id("dry-run-results")).isEmpty());
        var rows = admin.findElements(By.cssSelector("#dry-run-results tbody tr"));
        assertThat(rows).hasSize(20);
        for (var row : rows) {
            long id = Long.parseLong(row.getAttribute("id").substring("dry-".length()));
            boolean vip = ids.indexOf(id) % 3 == 0;
            assertThat(row.getText()).contains(vip ? "would match" : "would not match");
            if (vip) assertThat(row.getText()).contains("would add [seen-by-rule]");
        }
        ids.forEach(id -> assertThat(team.admin().get(team.path("/conversations/" + id)).json().get("labels").toString()).doesNotContain("seen-by-rule"));
        assertThat(team.admin().get(team.path("/automation_rules/" + ruleId + "/executions")).json().get("payload").size()).isZero();
    }

    /** Chooses an attribute or action, waits for its fitted value select, and picks a value in it. */
    static void choose(WebDriver browser, String selectId, String value, String valueId, String choice) {
        new Select(browser.findElement(By.id(selectId))).selectByValue(value);
        waitFor(browser, Duration.ofSeconds(3), d -> d.findElement(By.id(valueId)).getTagName().equals("select")
                && !d.findElements(By.cssSelector("#" + valueId + " option[value='" + choice + "']")).isEmpty());
        new Select(browser.findElement(By.id(valueId))).selectByValue(choice);
    }

    private static String selected(WebDriver browser, String id) {
        return new Select(browser.findElement(By.id(id))).getFirstSelectedOption().getAttribute("value");
    }


    private WebDriver browser(String email) {
        return signedIn(email);
    }
}
