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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/** Bulk actions, inbox settings, agents and reports, as administrators use them. */
class SettingsAndReportsBrowserTests extends BrowserTest {




    @Test
    void bulkActionsApplyToTheSelectedConversationsAfterConfirmingTheCount() {
        var inbox = fixtures.inbox(team, team.agentUser());
        long a = fixtures.conversation(fixtures.customer(inbox, "Bulk A"), "one");
        long b = fixtures.conversation(fixtures.customer(inbox, "Bulk B"), "two");
        long c = fixtures.conversation(fixtures.customer(inbox, "Bulk C"), "three");
        WebDriver admin = browser();
        admin.get(base + "/app/accounts/" + team.accountId() + "/conversations?view=all");
        assertThat(text(admin, By.cssSelector(".side-inbox .count"))).isEqualTo("3");
        click(admin, By.id("select-" + a));
        click(admin, By.id("select-" + b));
        new Select(admin.findElement(By.id("bulk-action"))).selectByValue("resolve");
        click(admin, By.id("bulk-apply"));
        assertThat(confirmInPage(admin)).isEqualTo("Apply to 2 conversation(s)?");
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("bulk-result")).getText().equals("2 conversation(s) changed."));
        assertThat(status(a)).isEqualTo("resolved");
        assertThat(status(b)).isEqualTo("resolved");
        assertThat(status(c)).isEqualTo("open");
    }

    @Test
    void inboxSettingsSaveMembersLimitAndReopenPolicy() {
        var bea = fixtures.user("Bea Backup", team.accountId(), "agent");
        var inbox = fixtures.inbox(team, team.agentUser());
        long policy = team.admin().post(team.path("/assignment_policies"), Map.of("name", "Even load", "assignment_order", "balanced"))
                .expect(200).json().get("id").asLong();
        WebDriver admin = browser();
        admin.get(base + "/app/accounts/" + team.accountId() + "/inboxes/" + inbox.id() + "/settings");
        assertThat(text(admin, By.id("reopen-explainer"))).contains("stays with the agent who had it if she is online");
        click(admin, By.id("member-" + bea.id()));
        type(admin, By.id("limit"), "0");
        click(admin, By.id("save-inbox"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("settings-error")).getText().contains("whole number above 0"));
        click(admin, By.id("member-" + bea.id()));
        admin.findElement(By.id("limit")).clear();
        type(admin, By.id("limit"), "2");
        click(admin, By.id("reopen-never"));
        new Select(admin.findElement(By.id("policy"))).selectByValue(String.valueOf(policy));
        click(admin, By.id("working-hours-enabled"));
        admin.findElement(By.id("timezone")).clear();
        type(admin, By.id("timezone"), "Europe/Berlin");
        click(admin, By.id("hours-0-closed"));
        ((org.openqa.selenium.JavascriptExecutor) admin).executeScript(
                "document.getElementById('hours-1-open').value = '09:00'; document.getElementById('hours-1-close').value = '17:30';");
        click(admin, By.id("save-inbox"));
        new WebDriverWait(admin, Duration.ofSeconds(5)).until(d -> !d.findElements(By.id("settings-saved")).isEmpty());
        assertThat(text(admin, By.id("reopen-explainer")))
                .isEqualTo("Now: the conversation reopens, and its agent is removed; it goes at once to an online agent of this inbox with fewer than 2 open,"
                        + " chosen by the lowest load; if nobody qualifies it waits in the queue.");
        assertThat(text(admin, By.id("policy-hint"))).startsWith("In use: Even load (balanced");
        assertThat(team.admin().get(team.path("/inboxes/" + inbox.id() + "/assignment_policy")).expect(200).json().toString()).contains("Even load");
        JsonNode saved = team.admin().get(team.path("/inboxes/" + inbox.id())).json();
        assertThat(saved.get("auto_assignment_config").get("max_assignment_limit").asInt()).isEqualTo(2);
        assertThat(saved.get("auto_assignment_config").get("reopen_assignee").asString()).isEqualTo("never");
        assertThat(saved.get("working_hours_enabled").asBoolean()).isTrue();
        assertThat(saved.get("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(saved.get("working_hours").get(0).get("closed_all_day").asBoolean()).isTrue();
        assertThat(saved.get("working_hours").get(1).get("close_hour").asInt()).isEqualTo(17);
        assertThat(saved.get("working_hours").get(1).get("close_minutes").asInt()).isEqualTo(30);
        assertThat(saved.get("working_hours").get(2).get("open_all_day").asBoolean()).isTrue();
        assertThat(admin.findElement(By.id("hours-1-open")).getAttribute("value")).isEqualTo("09:00");
        List<Long> members = new ArrayList<>();
        team.admin().get(team.path("/inbox_members/" + inbox.id())).json().get("payload").forEach(m -> members.add(m.get("id").asLong()));
        assertThat(members).containsExactlyInAnyOrder(team.agentUser().id(), bea.id());
    }

    @Test
    void agentsAreListedAddedAndReportsCreditTheResolver() {
        var inbox = fixtures.inbox(team, team.agentUser());
        long id = fixtures.conversation(fixtures.customer(inbox, "Report Ray"), "hi");
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);
        team.agent().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved")).expect(200);
        WebDriver admin = browser();
        admin.get(base + "/app/accounts/" + team.accountId() + "/agents");
        type(admin, By.id("agent-name"), "Nora New");
        type(admin, By.id("agent-email"), "nora." + team.accountId() + "@parley.test");
        click(admin, By.id("add-agent-button"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("agents")).getText().contains("Nora New"));

        click(admin, By.id("edit-" + team.agentUser().id()));
        admin.findElement(By.id("edit-name")).clear();
        admin.findElement(By.id("edit-name")).sendKeys("   "); // passes the browser's "required", not the server
        click(admin, By.id("save-agent"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("agents-error")).getText().contains("Name can't be blank"));
        admin.findElement(By.id("edit-name")).clear();
        type(admin, By.id("edit-name"), "Alan Renamed");
        new Select(admin.findElement(By.id("edit-availability"))).selectByValue("busy");
        click(admin, By.id("save-agent"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("agent-" + team.agentUser().id())).getText().contains("Alan Renamed"));
        assertThat(admin.findElement(By.cssSelector("#agent-" + team.agentUser().id() + " .availability-cell")).getText()).isEqualTo("busy");
        JsonNode renamed = team.admin().get(team.path("/agents")).expect(200).json();
        assertThat(renamed.toString()).contains("Alan Renamed");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(3)).ignoreExceptions().until(() -> {
            admin.get(base + "/app/accounts/" + team.accountId() + "/reports");
            return admin.findElement(By.cssSelector("#report-agent-" + team.agentUser().id() + " .resolutions")).getText().equals("1");
        });
        assertThat(admin.findElement(By.cssSelector("#figure-resolutions_count .value")).getAttribute("textContent")).as(admin.findElement(By.id("overview")).getAttribute("outerHTML")).isEqualTo("1");
        assertThat(admin.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
        assertThat(admin.findElement(By.id("csv")).getAttribute("href")).contains("/reports/agents.csv");
    }

    private String status(long id) {
        return team.admin().get(team.path("/conversations/" + id)).json().get("status").asString();
    }

    private WebDriver browser() {
        return signedIn(team.adminUser().email());
    }
}
