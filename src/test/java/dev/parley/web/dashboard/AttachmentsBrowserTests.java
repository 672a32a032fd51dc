package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;

class AttachmentsBrowserTests extends BrowserTest {

    @Test
    void aPastedScreenshotReachesTheCustomerAndShowsInTheThread() throws Exception {
        var inbox = fixtures.inbox(team, team.agentUser());
        var customer = fixtures.customer(inbox, "Paste Paula");
        long id = fixtures.conversation(customer, "What does your screen show?");
        byte[] png = screenshot();
        WebDriver agent = signedIn(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + id);
        Browsers.awaitLive(agent);

        type(agent, By.id("content"), "This is what I see");
        ((JavascriptExecutor) agent).executeScript("""
                var bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
                var data = new DataTransfer();
                data.items.add(new File([bytes], 'image.png', {type: 'image/png'}));
                var paste = new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true});
                document.getElementById('content').dispatchEvent(paste);
                """, Base64.getEncoder().encodeToString(png));
        waitFor(agent, WITHIN_A_SECOND, d -> d.findElement(By.id("chosen-files")).getText().contains("pasted-"));
        click(agent, By.id("send"));

        waitFor(agent, Duration.ofSeconds(5), d -> !d.findElements(By.cssSelector("#thread .files img")).isEmpty());
        // looked up afresh on every poll: the live stream may swap the thread (and its img) in meanwhile
        waitFor(agent, Duration.ofSeconds(5), d -> ((Number) ((JavascriptExecutor) d).executeScript(
                "var img = document.querySelector('#thread .files img'); return img && img.complete ? img.naturalWidth : 0"))
                .intValue() > 0);
        assertThat(agent.findElement(By.cssSelector("#thread .files img")).getAttribute("alt")).startsWith("pasted-");

        JsonNode messages = anonymous().get(customer.conversationsPath() + "/" + id + "/messages").expect(200).json();
        JsonNode reply = messages.get(messages.size() - 1);
        assertThat(reply.get("content").asString()).isEqualTo("This is what I see");
        JsonNode attachment = reply.get("attachments").get(0);
        assertThat(attachment.get("file_type").asString()).isEqualTo("image");
        var download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(attachment.get("data_url").asString())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.body()).isEqualTo(png);
    }

    private static byte[] screenshot() throws Exception {
        var image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.RED);
        g.drawString("Error 42", 120, 100);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
