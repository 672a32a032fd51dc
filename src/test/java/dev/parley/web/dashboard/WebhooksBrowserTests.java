package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Webhooks on screen: added with their events, refused with a reason, and their delivery log. */
class WebhooksBrowserTests extends BrowserTest {

    @Test
    void anAdministratorAddsAWebhookAndReadsItsDeliveries() {
        var inbox = fixtures.inbox(team, team.agentUser());
        WebDriver admin = signedIn(team.adminUser().email());
        admin.get(base + "/app/accounts/" + team.accountId() + "/webhooks");
        type(admin, By.id("webhook-url"), "http://127.0.0.1:9/hooks");
        click(admin, By.id("add-webhook-button"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("webhook-error")).getText().contains("Subscriptions"));
        assertThat(admin.findElement(By.id("webhook-url")).getAttribute("value")).isEqualTo("http://127.0.0.1:9/hooks");

        click(admin, By.id("event-message_created"));
        click(admin, By.id("add-webhook-button"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("webhooks")).getText().contains("http://127.0.0.1:9/hooks"));
        long webhookId = team.admin().get(team.path("/webhooks")).expect(200).json().get("payload").get("webhooks").get(0).get("id").asLong();

        fixtures.conversation(fixtures.customer(inbox, "Hook Hanna"), "ping");
        // the page is read again until the delivery is there (it is queued by the webhooks reactor, after the message's
        // commit); each look reads the page as loaded, without waiting on it, so a reload is never blocked by a stale page
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() -> {
            admin.get(base + "/app/accounts/" + team.accountId() + "/webhooks?deliveries=" + webhookId);
            var rows = admin.findElements(By.cssSelector(".delivery-row"));
            return !rows.isEmpty() && rows.get(0).getText().contains("message_created")
                    && !admin.findElement(By.cssSelector(".delivery-row td:nth-child(4)")).getText().isBlank();
        });
        assertThat(text(admin, By.cssSelector(".delivery-row .delivery-status"))).isEqualTo("pending");

        click(admin, By.cssSelector("#webhook-" + webhookId + " .copy-secret"));
        waitFor(admin, Duration.ofSeconds(2), d -> d.findElement(By.id("copy-status")).getText().equals("Secret copied."));
    }
}
