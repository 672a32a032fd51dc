package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.support.Api;
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

/** Routing as agents see it on screen: the reopened conversation that moves to whoever is online, and the queue. */
class RoutingBrowserTests extends BrowserTest {





    @Test
    void aReopenedConversationGoesToTheAgentWhoIsOnlineAndTheScreenSaysWhy() {
        var bea = fixtures.user("Bea Backup", team.accountId(), "agent");
        var inbox = fixtures.inbox(team, team.agentUser(), bea);
        Api alan = team.agent();
        Api beaApi = alan.as(bea.token());
        online(alan, "online");
        online(beaApi, "offline");
        var customer = fixtures.customer(inbox, "Seed Sam");
        long id = fixtures.conversation(customer, "My order is late");
        browser(bea.email()); // Bea signs in first; her screen will be told
        waitUntilAssigned(id, team.agentUser().id());
        alan.post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved")).expect(200);
        online(alan, "offline");
        online(beaApi, "online");

        WebDriver beaScreen = browsers().get(0);
        beaScreen.get(base + "/app/accounts/" + team.accountId() + "/conversations?view=mine");
        Browsers.awaitLive(beaScreen);
        anonymous().post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", "Still late!")).expect(200);
        waitFor(beaScreen, WITHIN_A_SECOND, d -> !d.findElements(By.id("conversation-" + id)).isEmpty());

        beaScreen.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + id);
        waitFor(beaScreen, Duration.ofSeconds(3), d -> d.findElement(By.id("thread")).getText().contains("Unassigned: Alan Agent is offline")
                && d.findElement(By.id("thread")).getText().contains("Assigned to Bea Backup by Auto-assignment"));
        waitFor(beaScreen, Duration.ofSeconds(3), d -> {
            click(d, By.cssSelector("#why summary"));
            String why = d.findElement(By.id("why")).getText();
            return why.contains("Assigned to Bea Backup") && why.contains("Alan Agent: offline") && why.contains("Bea Backup: available");
        });
    }

    @Test
    void theQueueShowsWhoWaitsAndWhyAndEmptiesLive() {
        var inbox = fixtures.inbox(team, team.agentUser());
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("auto_assignment_config", Map.of("max_assignment_limit", 1))).expect(200);
        online(team.agent(), "online");
        long first = fixtures.conversation(fixtures.customer(inbox, "First Fay"), "one");
        waitUntilAssigned(first, team.agentUser().id());
        long second = fixtures.conversation(fixtures.customer(inbox, "Second Sid"), "two");

        WebDriver admin = browser(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/queue");
        Browsers.awaitLive(admin);
        waitFor(admin, Duration.ofSeconds(3), d -> d.findElement(By.id("waiting-" + second)).getText().contains("everyone online is at their limit"));

        WebDriver agent = browser(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations?view=mine");
        Browsers.awaitLive(agent);
        team.agent().post(team.path("/conversations/" + first + "/toggle_status"), Map.of("status", "resolved")).expect(200);
        waitFor(admin, WITHIN_A_SECOND, d -> d.findElements(By.id("waiting-" + second)).isEmpty());
        waitFor(agent, WITHIN_A_SECOND, d -> !d.findElements(By.id("conversation-" + second)).isEmpty());
    }

    @Test
    void theQueueCountsConversationsAndLetsAnAdministratorAssignFromIt() {
        var inbox = fixtures.inbox(team, team.agentUser());
        online(team.agent(), "offline");
        long first = fixtures.conversation(fixtures.customer(inbox, "Queue Quinn"), "one");
        long second = fixtures.conversation(fixtures.customer(inbox, "Queue Quentin"), "two");
        WebDriver admin = browser(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/queue");
        waitFor(admin, Duration.ofSeconds(3), d -> d.findElement(By.id("counter-unassigned")).getText().equals("2"));
        assertThat(text(admin, By.id("counter-open"))).isEqualTo("2");
        assertThat(text(admin, By.id("counter-unattended"))).isEqualTo("2");
        assertThat(text(admin, By.id("counter-pending"))).isEqualTo("0");
        assertThat(admin.findElement(By.cssSelector("#waiting-" + first + " .waited")).getText()).endsWith("min");

        new Select(admin.findElement(By.id("queue-assign-" + first))).selectByVisibleText(team.agentUser().name());
        click(admin, By.id("queue-assign-button-" + first));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElements(By.id("waiting-" + first)).isEmpty()
                && d.findElement(By.id("counter-unassigned")).getText().equals("1"));
        assertThat(admin.getCurrentUrl()).endsWith("/queue");
        assertThat(team.admin().get(team.path("/conversations/" + first)).json().get("meta").get("assignee").get("id").asLong())
                .isEqualTo(team.agentUser().id());
        assertThat(admin.findElements(By.id("waiting-" + second))).hasSize(1);

        // the picker says who will not see it (offline), without contradicting itself
        admin.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + second);
        assertThat(new Select(admin.findElement(By.id("assignee-select"))).getOptions().stream().map(o -> o.getText()).toList())
                .contains(team.agentUser().name() + " · offline · 1 open");
    }

    private void online(Api agent, String availability) {
        agent.post("/api/v1/profile/auto_offline", Map.of("profile", Map.of("auto_offline", false, "account_id", team.accountId()))).expect(200);
        agent.post("/api/v1/profile/availability", Map.of("profile", Map.of("availability", availability, "account_id", team.accountId()))).expect(200);
    }

    private void waitUntilAssigned(long id, long userId) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> {
            var assignee = team.admin().get(team.path("/conversations/" + id)).json().get("meta").get("assignee");
            return assignee != null && !assignee.isNull() && assignee.get("id").asLong() == userId;
        });
    }


    private WebDriver browser(String email) {
        return signedIn(email);
    }
}
