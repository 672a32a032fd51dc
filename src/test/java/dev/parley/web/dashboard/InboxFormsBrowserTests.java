package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The one "New inbox" flow for every channel: the channel chosen shows its own fields next to members and assignment;
 * a website inbox leads to its snippet, an email inbox to its mail settings with "Test the connection".
 */
class InboxFormsBrowserTests extends BrowserTest {

    @Test
    void anAdministratorCreatesAWebsiteInboxWithMembersAndGetsTheSnippet() {
        WebDriver ada = signedIn(team.adminUser().email());
        ada.get(base + "/app/accounts/" + team.accountId() + "/settings");
        click(ada, By.id("new-inbox"));
        click(ada, By.linkText("Website"));
        waitFor(ada, Duration.ofSeconds(5), d -> d.findElement(By.id("channel-fields-web_widget")).isDisplayed());
        assertThat(ada.findElements(By.id("webhook-url"))).as("only the website's fields").isEmpty();
        type(ada, "inbox-name", "Acme website");
        type(ada, "website-url", "https://www.acme.test");
        type(ada, "welcome-title", "Hello from Acme");
        click(ada, By.id("member-" + team.agentUser().id()));
        type(ada, By.id("limit"), "3");
        click(ada, By.id("create-inbox"));

        waitFor(ada, Duration.ofSeconds(5), d -> d.findElement(By.id("widget-created")).isDisplayed());
        String snippet = text(ada, By.id("widget-snippet"));
        var inbox = team.admin().get(team.path("/inboxes")).json().get("payload").get(0);
        assertThat(inbox.get("name").asString()).isEqualTo("Acme website");
        assertThat(inbox.get("channel_type").asString()).isEqualTo("Channel::WebWidget");
        assertThat(snippet).contains(inbox.get("website_token").asString()).contains(base);
        assertThat(ada.findElement(By.id("welcome-title")).getAttribute("value")).isEqualTo("Hello from Acme");
        assertThat(inbox.get("enable_auto_assignment").asBoolean()).isTrue();
        assertThat(inbox.at("/auto_assignment_config/max_assignment_limit").asInt()).isEqualTo(3);
        var members = team.admin().get(team.path("/inbox_members/" + inbox.get("id").asLong())).json().get("payload");
        assertThat(members.findValuesAsString("email")).containsExactlyInAnyOrder(team.adminUser().email(), team.agentUser().email());
    }

    @Test
    void anEmailInboxFormSaysWhatIsWrongKeepsWhatWasTypedAndLeadsToTheConnectionTest() {
        WebDriver ada = signedIn(team.adminUser().email());
        ada.get(base + "/app/accounts/" + team.accountId() + "/inboxes/email/new");
        waitFor(ada, Duration.ofSeconds(5), d -> d.findElement(By.id("channel-fields-email")).isDisplayed());
        assertThat(text(ada, By.cssSelector("[aria-current=page]"))).as("the old address leads to the unified flow").isEqualTo("Email");
        type(ada, "inbox-name", "Support mail");
        type(ada, "email", "support@acme.test");
        click(ada, By.id("imap-enabled"));
        type(ada, "imap-address", "mail.acme.test");
        WebElement port = ada.findElement(By.id("imap-port"));
        port.clear();
        port.sendKeys("99999");
        type(ada, "imap-login", "support@acme.test");
        click(ada, By.id("create-inbox"));

        waitFor(ada, Duration.ofSeconds(5), d -> d.findElement(By.id("inbox-error")).getText().contains("must be a port number from 1 to 65535"));
        assertThat(ada.findElement(By.id("email")).getAttribute("value")).isEqualTo("support@acme.test");
        assertThat(ada.findElement(By.id("imap-address")).getAttribute("value")).isEqualTo("mail.acme.test");
        assertThat(team.admin().get(team.path("/inboxes")).json().get("payload").size()).as("nothing created").isZero();

        click(ada, By.id("imap-enabled"));
        click(ada, By.id("create-inbox"));
        waitFor(ada, Duration.ofSeconds(5), d -> d.findElement(By.id("email-created")).isDisplayed());
        click(ada, By.id("test-connection"));
        waitFor(ada, Duration.ofSeconds(5), d -> d.findElement(By.id("connection-results")).getText().contains("neither IMAP nor SMTP is turned on"));
        var inbox = team.admin().get(team.path("/inboxes")).json().get("payload").get(0);
        assertThat(inbox.get("channel_type").asString()).isEqualTo("Channel::Email");
        long id = inbox.get("id").asLong();
        assertThat(team.admin().get(team.path("/inbox_members/" + id)).json().get("payload").findValuesAsString("email"))
                .as("the administrator, ticked by default").containsExactly(team.adminUser().email());

        ada.get(base + "/app/accounts/" + team.accountId() + "/inboxes/" + id + "/settings");
        WebElement address = ada.findElement(By.cssSelector("#channel-form #email"));
        assertThat(address.getAttribute("value")).isEqualTo("support@acme.test");
        assertThat(ada.findElements(By.cssSelector("#channel-form #test-connection"))).as("editing keeps the connection test at hand").hasSize(1);
        address.clear();
        address.sendKeys("help@acme.test");
        click(ada, By.id("save-channel"));
        waitFor(ada, Duration.ofSeconds(5), d -> d.findElement(By.id("settings-saved")).isDisplayed());
        assertThat(team.admin().get(team.path("/inboxes/" + id)).json().at("/email").asString()).isEqualTo("help@acme.test");
    }

    private static void type(WebDriver browser, String id, String text) {
        type(browser, By.id(id), text);
    }
}
