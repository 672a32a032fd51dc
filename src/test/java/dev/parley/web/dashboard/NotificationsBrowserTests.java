package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The bell: a conversation assigned to the agent lights it at once, with a toast; opening it reads it. */
class NotificationsBrowserTests extends BrowserTest {

    @Test
    void anAssignmentReachesTheBellLiveAndOpeningItReadsIt() {
        var inbox = fixtures.inbox(team, team.agentUser());
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("enable_auto_assignment", false)).expect(200);
        long id = fixtures.conversation(fixtures.customer(inbox, "Bell Bea"), "hello");
        WebDriver agent = signedIn(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations?view=all");
        Browsers.awaitLive(agent);
        assertThat(text(agent, By.id("notification-count"))).isEqualTo("0");

        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);
        waitFor(agent, Duration.ofSeconds(2), d -> d.findElement(By.id("notification-count")).getText().equals("1"));
        assertThat(text(agent, By.id("toast"))).isEqualTo("Conversation #" + id + " was assigned to you by " + team.adminUser().name());

        click(agent, By.id("nav-notifications"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElements(By.cssSelector(".cards .card.unread")).size() == 1);
        click(agent, By.cssSelector(".cards .card a"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.getCurrentUrl().endsWith("/conversations/" + id));
        assertThat(text(agent, By.id("notification-count"))).isEqualTo("0");
    }
}
