package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The conversation tools around the reply box and the list: canned responses, @mentions and the Mentions
 * view, typing, unread marks, delivery status, copy link, bulk assignment to an agent for every
 * conversation of a view, and the toast when someone else changes the agent's availability.
 */
class ConversationToolsBrowserTests extends BrowserTest {

    @Test
    void cannedResponseAndMentionFromTheReplyBox() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        team.admin().post(team.path("/canned_responses"), Map.of("short_code", "refund", "content", "Your refund is on its way.")).expect(200);
        long id = fixtures.conversation(fixtures.customer(inbox, "Cara"), "where is my money?");
        WebDriver admin = signedIn(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + id);
        type(admin, By.id("content"), "/ref");
        waitFor(admin, Duration.ofSeconds(3), d -> d.findElement(By.id("canned-refund")).isDisplayed());
        click(admin, By.id("canned-refund"));
        assertThat(admin.findElement(By.id("content")).getAttribute("value")).isEqualTo("Your refund is on its way.");
        click(admin, By.id("send"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("thread")).getText().contains("Your refund is on its way."));

        type(admin, By.id("content"), "@" + team.agentUser().name() + " please double-check");
        click(admin, By.id("private"));
        click(admin, By.id("send"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("thread")).getText().contains("@" + team.agentUser().name() + " please double-check"));

        WebDriver agent = signedIn(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations?view=all");
        assertThat(text(agent, By.id("side-type-mention"))).contains("1");
        click(agent, By.id("side-type-mention"));
        waitFor(agent, Duration.ofSeconds(3), d -> d.findElements(By.cssSelector(".cards .card")).size() == 1
                && d.findElement(By.id("conversation-" + id)).isDisplayed());
    }

    @Test
    void typingUnreadDeliveryAndCopyLink() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        Customer customer = fixtures.customer(inbox, "Tess");
        long id = fixtures.conversation(customer, "first");
        WebDriver agent = signedIn(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations?view=all");
        assertThat(agent.findElement(By.cssSelector("#conversation-" + id + " .unread-badge")).getText()).isEqualTo("1");

        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + id);
        assertThat(text(agent, By.id("unread-separator"))).isEqualTo("New messages");
        Browsers.awaitLive(agent);
        anonymous().post(customer.conversationsPath() + "/" + id + "/toggle_typing", Map.of("typing_status", "on")).expect(200);
        waitFor(agent, WITHIN_A_SECOND, d -> d.findElement(By.id("typing")).getText().equals("Tess is typing…"));
        anonymous().post(customer.conversationsPath() + "/" + id + "/toggle_typing", Map.of("typing_status", "off")).expect(200);
        waitFor(agent, WITHIN_A_SECOND, d -> d.findElement(By.id("typing")).getText().isEmpty());

        type(agent, By.id("content"), "Looking into it");
        click(agent, By.id("send"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.cssSelector(".message.outgoing .delivery")).getText().equals("Sent"));
        anonymous().post(customer.conversationsPath() + "/" + id + "/update_last_seen", Map.of()).expect(200);
        agent.navigate().refresh();
        waitFor(agent, Duration.ofSeconds(3), d -> d.findElement(By.cssSelector(".message.outgoing .delivery")).getText().equals("Read"));

        // input the server refuses comes back on the same page, in words, and changes nothing
        type(agent, By.id("labels-input"), "two words");
        click(agent, By.id("set-labels"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("action-error")).getText().startsWith("Labels"));
        assertThat(agent.getCurrentUrl()).endsWith("/conversations/" + id);
        assertThat(team.agent().get(team.path("/conversations/" + id)).json().get("labels").size()).isZero();

        click(agent, By.id("copy-link"));
        waitFor(agent, Duration.ofSeconds(2), d -> d.findElement(By.id("copy-result")).getText().equals("Link copied."));

        click(agent, By.id("mark-unread"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.getCurrentUrl().contains("/conversations") && !d.getCurrentUrl().endsWith("/" + id));
        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations?view=all");
        assertThat(agent.findElement(By.cssSelector("#conversation-" + id + " .unread-badge")).getText()).isEqualTo("1");
    }

    @Test
    void bulkAssignsEveryConversationOfTheViewToAnotherAgentAfterConfirmingTheCount() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        for (int i = 0; i < 27; i++) fixtures.conversation(fixtures.customer(inbox, "Many " + i), "hi");
        WebDriver admin = signedIn(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/conversations?view=unassigned");
        click(admin, By.id("select-all-matching"));
        assertThat(text(admin, By.id("selection-count"))).isEqualTo("27 selected.");
        new Select(admin.findElement(By.id("bulk-action"))).selectByValue("assign_agent");
        new Select(admin.findElement(By.id("bulk-agent"))).selectByVisibleText(team.agentUser().name());
        click(admin, By.id("bulk-apply"));
        assertThat(confirmInPage(admin)).isEqualTo("Assign 27 conversation(s) to " + team.agentUser().name() + "?");
        waitFor(admin, Duration.ofSeconds(10), d -> d.findElement(By.id("bulk-result")).getText().equals("27 conversation(s) changed."));
        var meta = team.agent().get(team.path("/conversations/meta?status=open")).expect(200).json().get("meta");
        assertThat(meta.get("mine_count").asLong()).isEqualTo(27);
        assertThat(meta.get("unassigned_count").asLong()).isZero();
    }

    @Test
    void theAgentSeesWhenAnAdministratorChangesHerAvailability() {
        WebDriver agent = signedIn(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations");
        Browsers.awaitLive(agent);
        String before = new Select(agent.findElement(By.id("availability-select"))).getFirstSelectedOption().getAttribute("value");
        String to = before.equals("busy") ? "online" : "busy";
        team.admin().patch(team.path("/agents/" + team.agentUser().id()), Map.of("availability", to)).expect(200);
        waitFor(agent, Duration.ofSeconds(2), d -> d.findElement(By.id("toast")).getText()
                .equals(team.adminUser().name() + " set your availability to " + to + "."));
        assertThat(new Select(agent.findElement(By.id("availability-select"))).getFirstSelectedOption().getAttribute("value")).isEqualTo(to);
        assertThat(List.of("online", "busy")).contains(to);
    }

    @Test
    void aReplyStartedBeforeTheCustomerWroteAgainIsHeldBackOnceAndShortcutsWork() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        Customer customer = fixtures.customer(inbox, "Quick Quinn");
        long id = fixtures.conversation(customer, "my order is late");
        WebDriver agent = signedIn(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + id);
        new org.openqa.selenium.interactions.Actions(agent).sendKeys("r").perform();
        assertThat(agent.switchTo().activeElement().getAttribute("id")).isEqualTo("content");
        type(agent, By.id("content"), "It ships today");
        anonymous().post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", "never mind, cancel it")).expect(200);
        click(agent, By.id("send"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("newer-message")).getText().contains("Quick Quinn wrote again"));
        assertThat(agent.findElement(By.id("content")).getAttribute("value")).isEqualTo("It ships today");
        assertThat(publicContents(customer, id)).doesNotContain("It ships today");
        agent.findElement(By.id("content")).clear();
        type(agent, By.id("content"), "Cancelled.");
        click(agent, By.id("send"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("thread")).getText().contains("Cancelled."));
        assertThat(publicContents(customer, id)).contains("Cancelled.");

        click(agent, By.tagName("body"));
        new org.openqa.selenium.interactions.Actions(agent).keyDown(org.openqa.selenium.Keys.ALT).sendKeys("e").keyUp(org.openqa.selenium.Keys.ALT).perform();
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("status")).getText().equals("resolved"));
    }

    @Test
    void aViewIsSavedAsAFolderThatListsOnlyItsConversations() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        long billing = fixtures.conversation(fixtures.customer(inbox, "Folder Fay"), "refund");
        long other = fixtures.conversation(fixtures.customer(inbox, "Folder Finn"), "hello");
        team.agent().post(team.path("/conversations/" + billing + "/labels"), Map.of("labels", List.of("billing"))).expect(200);
        WebDriver agent = signedIn(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations?view=all&label=billing");
        click(agent, By.id("save-folder-toggle"));
        type(agent, By.id("folder-name"), "Open billing");
        click(agent, By.id("save-folder-button"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("folder-title")).getText().equals("Folder: Open billing"));
        assertThat(agent.findElements(By.id("conversation-" + billing))).hasSize(1);
        assertThat(agent.findElements(By.id("conversation-" + other))).isEmpty();
        long folder = team.agent().get(team.path("/custom_filters")).expect(200).json().get(0).get("id").asLong();
        assertThat(agent.findElement(By.id("side-folder-" + folder)).getText()).contains("Open billing").contains("1");

        // live: a conversation that starts to match appears in the open folder
        team.agent().post(team.path("/conversations/" + other + "/labels"), Map.of("labels", List.of("billing"))).expect(200);
        waitFor(agent, Duration.ofSeconds(3), d -> !d.findElements(By.id("conversation-" + other)).isEmpty());

        click(agent, By.id("delete-folder"));
        confirmInPage(agent);
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElements(By.id("side-folder-" + folder)).isEmpty());
        assertThat(team.agent().get(team.path("/custom_filters")).expect(200).json().size()).isZero();
    }

    private List<String> publicContents(Customer customer, long id) {
        List<String> contents = new java.util.ArrayList<>();
        anonymous().get(customer.conversationsPath() + "/" + id + "/messages").expect(200).json().forEach(m -> contents.add(m.get("content").asString()));
        return contents;
    }
}
