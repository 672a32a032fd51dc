package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;

/** The settings screen: teams with members, labels and canned responses, kept by administrators, read by agents. */
class SettingsBrowserTests extends BrowserTest {

    @Test
    void administratorsKeepTeamsLabelsAndCannedResponses() {
        WebDriver admin = signedIn(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/settings");

        type(admin, By.id("team-name"), "Billing");
        click(admin, By.id("add-team-button"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("teams")).getText().contains("billing"));
        long teamId = waitForId(team.admin().get(team.path("/teams")).expect(200).json(), "billing");
        click(admin, By.id("edit-team-" + teamId));
        click(admin, By.id("team-member-" + team.agentUser().id()));
        click(admin, By.id("save-team"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.cssSelector("#team-" + teamId + " td:nth-child(3)")).getText().equals("1"));
        List<Long> members = new ArrayList<>();
        team.admin().get(team.path("/teams/" + teamId + "/team_members")).expect(200).json().forEach(m -> members.add(m.get("id").asLong()));
        assertThat(members).containsExactly(team.agentUser().id());

        type(admin, By.id("label-title"), "two words");
        click(admin, By.id("save-label"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("label-error")).getText().contains("Title"));
        assertThat(admin.findElement(By.id("label-title")).getAttribute("aria-invalid")).isEqualTo("true");
        admin.findElement(By.id("label-title")).clear();
        type(admin, By.id("label-title"), "vip");
        click(admin, By.id("save-label"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("labels")).getText().contains("vip"));

        type(admin, By.id("canned-code"), "thanks");
        type(admin, By.id("canned-content"), "Thanks for writing to us!");
        click(admin, By.id("save-canned"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("canned")).getText().contains("/thanks"));
        long cannedId = team.agent().get(team.path("/canned_responses")).expect(200).json().get(0).get("id").asLong();
        click(admin, By.id("edit-canned-" + cannedId));
        admin.findElement(By.id("canned-content")).clear();
        type(admin, By.id("canned-content"), "Thank you!");
        click(admin, By.id("save-canned"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("canned-row-" + cannedId)).getText().contains("Thank you!"));
        assertThat(team.agent().get(team.path("/canned_responses/" + cannedId)).expect(200).json().get("content").asString()).isEqualTo("Thank you!");

        WebDriver agent = signedIn(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/settings");
        assertThat(text(agent, By.id("canned"))).contains("/thanks");
        assertThat(agent.findElements(By.id("canned-form"))).isEmpty();
        assertThat(agent.findElements(By.id("add-team"))).isEmpty();
    }

    private static long waitForId(JsonNode teams, String name) {
        for (JsonNode t : teams.get("payload") == null ? teams : teams.get("payload")) {
            if (t.get("name").asString().equals(name)) return t.get("id").asLong();
        }
        throw new AssertionError("no team " + name + " in " + teams);
    }
}
