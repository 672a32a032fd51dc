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
        admin.findElement(By.id("webhook-url")).sendKeys("http://127.0.0.1:9/hooks");
        admin.findElement(By.id("add-webhook-button")).click();
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("webhook-error")).getText().contains("Subscriptions"));
        assertThat(admin.findElement(By.id("webhook-url")).getAttribute("value")).isEqualTo("http://127.0.0.1:9/hooks");

        admin.findElement(By.id("event-message_created")).click();
        admin.findElement(By.id("add-webhook-button")).click();
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.id("webhooks")).getText().contains("http://127.0.0.1:9/hooks"));
        long webhookId = team.admin().get(team.path("/webhooks")).expect(200).json().get("payload").get("webhooks").get(0).get("id").asLong();

        fixtures.conversation(fixtures.customer(inbox, "Hook Hanna"), "ping");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            admin.get(base + "/app/accounts/" + team.accountId() + "/webhooks?deliveries=" + webhookId);
            return text(admin, By.cssSelector(".delivery-row")).contains("message_created")
                    && !text(admin, By.cssSelector(".delivery-row td:nth-child(4)")).isBlank();
        });
        assertThat(text(admin, By.cssSelector(".delivery-row .delivery-status"))).isEqualTo("pending");

        admin.findElement(By.cssSelector("#webhook-" + webhookId + " .copy-secret")).click();
        waitFor(admin, Duration.ofSeconds(2), d -> d.findElement(By.id("copy-status")).getText().equals("Secret copied."));
    }
}
