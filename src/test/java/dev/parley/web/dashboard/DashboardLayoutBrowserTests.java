package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Fixtures.Inbox;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Issue #13, item 5 and bug 11: list, thread and details side by side on a desktop; one pane at a time on a phone. */
class DashboardLayoutBrowserTests extends BrowserTest {

    /** Opening a card swaps the conversation beside the list (the list is the same page, not reloaded) and the address follows. */
    @Test
    void theListStaysPutWhileConversationsOpenBesideIt() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        long first = fixtures.conversation(fixtures.customer(inbox, "First Flo"), "first question");
        long second = fixtures.conversation(fixtures.customer(inbox, "Second Sid"), "second question");
        WebDriver admin = signedIn(team.adminUser().email(), 1366, 900);
        admin.get(base + "/app/accounts/" + team.accountId() + "/conversations?view=all");
        js(admin, "document.getElementById('list-pane').dataset.stillHere = 'yes';");

        click(admin, By.cssSelector("#conversation-" + first + " > a"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("thread")).getText().contains("first question"));
        assertThat(admin.getCurrentUrl()).endsWith("/conversations/" + first);
        click(admin, By.cssSelector("#conversation-" + second + " > a"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("thread")).getText().contains("second question"));
        assertThat(admin.getCurrentUrl()).endsWith("/conversations/" + second);
        assertThat(admin.getTitle()).isEqualTo("#" + second + " · Second Sid · Parley");
        assertThat(js(admin, "return document.getElementById('list-pane').dataset.stillHere;")).as("the list was not reloaded").isEqualTo("yes");
        assertThat(admin.findElement(By.cssSelector("#conversation-" + second + " > a")).getAttribute("aria-current")).isEqualTo("true");

        // the pane swapped in works like the page: a reply is sent and shows in the thread
        type(admin, By.id("content"), "Answer from the side-by-side view");
        click(admin, By.id("send"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("thread")).getText().contains("Answer from the side-by-side view"));

        // the conversation's own address renders list, thread and details side by side
        admin.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + first);
        WebElement list = admin.findElement(By.id("list-pane"));
        WebElement thread = admin.findElement(By.id("thread"));
        WebElement details = admin.findElement(By.id("details"));
        assertThat(list.isDisplayed() && thread.isDisplayed() && details.isDisplayed()).isTrue();
        assertThat(list.getRect().getX()).isLessThan(thread.getRect().getX());
        assertThat(thread.getRect().getX()).isLessThan(details.getRect().getX());
        assertThat(thread.getRect().getY()).isLessThan(list.getRect().getY() + list.getRect().getHeight());
    }

    /** Bug 11: a long assignee label stays inside the side panel at 1366 px. */
    @Test
    void theAssigneeSelectFitsTheSidePanel() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        team.admin().put(team.path("/agents/" + team.agentUser().id()), Map.of("name", "Maximiliana Bartholomew-Featherstonehaugh de la Cruz"))
                .expect(200);
        long id = fixtures.conversation(fixtures.customer(inbox, "Wide Wanda"), "hello");
        WebDriver admin = signedIn(team.adminUser().email(), 1366, 768);
        admin.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + id);
        Number overflow = (Number) js(admin, """
                var panel = document.querySelector('.panel').getBoundingClientRect();
                var select = document.getElementById('assignee-select').getBoundingClientRect();
                return select.right - panel.right;""");
        assertThat(overflow.doubleValue()).isLessThanOrEqualTo(0);
    }

    /** On a 375 x 812 phone: a one-line header, the list alone, then the conversation alone with a way back and the reply box in view. */
    @Test
    void onAPhoneOnePaneShowsAtATimeAndTheReplyBoxIsInView() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        long id = fixtures.conversation(fixtures.customer(inbox, "Phone Phil"), "typing from my phone");
        for (int i = 0; i < 15; i++) team.admin().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "Earlier answer " + i)).expect(200);
        WebDriver agent = signedIn(team.agentUser().email(), 375, 812);
        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations?view=all");
        assertThat(agent.findElement(By.cssSelector("header.top")).getRect().getHeight()).as("header height").isLessThanOrEqualTo(56);
        assertThat(agent.findElement(By.id("nav-queue")).isDisplayed()).isFalse();
        click(agent, By.id("menu-button"));
        assertThat(agent.findElement(By.id("nav-queue")).isDisplayed()).isTrue();
        click(agent, By.id("menu-button"));
        assertThat(agent.findElement(By.id("list-pane")).isDisplayed()).isTrue();
        assertThat(agent.findElement(By.id("side-type-mention")).isDisplayed()).isFalse();
        click(agent, By.id("views-toggle"));
        assertThat(agent.findElement(By.id("side-type-mention")).isDisplayed()).as("the sidebar's views open over the list").isTrue();
        click(agent, By.id("views-toggle"));

        click(agent, By.cssSelector("#conversation-" + id + " > a"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("thread")).isDisplayed() && !d.findElement(By.id("list-pane")).isDisplayed());
        Number replyBottom = (Number) js(agent, "return document.getElementById('send').getBoundingClientRect().bottom - window.innerHeight;");
        assertThat(replyBottom.doubleValue()).as("the Send button is on the first screen").isLessThanOrEqualTo(0);
        assertThat(agent.findElement(By.id("content")).isDisplayed()).isTrue();
        assertThat(agent.findElement(By.id("details")).isDisplayed()).isFalse();
        click(agent, By.id("details-toggle"));
        assertThat(agent.findElement(By.id("assignee-select")).isDisplayed()).isTrue();
        click(agent, By.id("details-close"));
        assertThat(agent.findElement(By.id("details")).isDisplayed()).isFalse();

        click(agent, By.id("back-to-list"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("list-pane")).isDisplayed());
    }

    private static Object js(WebDriver browser, String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
