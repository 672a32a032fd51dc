package dev.parley.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.attachment.storage.BlobStorage;
import dev.parley.attachment.storage.FileSystemStorage;
import dev.parley.support.IntegrationTest;
import dev.parley.support.Multipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class AttachmentIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BlobStorage storage;

    AttachmentWorld world;

    @BeforeEach
    void world() {
        world = AttachmentWorld.create(fixtures, port);
    }

    @Test
    void anAgentsImageReachesTheCustomerWithItsBytesAThumbnailAndItsSize() throws Exception {
        byte[] png = AttachmentWorld.png(800, 600);
        JsonNode message = new Multipart().field("content", "Here is the screenshot").field("message_type", "outgoing")
                .file("attachments[]", "screen.png", "application/octet-stream", png)
                .post(world.messagesUrl(), world.team().agentUser().token()).expect(200).json();

        JsonNode attachment = message.get("attachments").get(0);
        assertThat(attachment.get("file_type").asString()).isEqualTo("image");
        assertThat(attachment.get("message_id").asLong()).isEqualTo(message.get("id").asLong());
        assertThat(attachment.get("account_id").asLong()).isEqualTo(world.team().accountId());
        assertThat(attachment.get("extension").asString()).isEqualTo("png");
        assertThat(attachment.get("file_size").asLong()).isEqualTo(png.length);
        assertThat(attachment.get("width").asInt()).isEqualTo(800);
        assertThat(attachment.get("height").asInt()).isEqualTo(600);

        JsonNode seenByCustomer = anonymous().get(world.customer().conversationsPath() + "/" + world.displayId() + "/messages")
                .expect(200).json();
        JsonNode last = seenByCustomer.get(seenByCustomer.size() - 1);
        assertThat(seenByCustomer.get(0).has("attachments")).as("a message without files has no attachments key, as in Chatwoot").isFalse();
        String dataUrl = last.get("attachments").get(0).get("data_url").asString();
        var file = AttachmentWorld.get(dataUrl);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(png);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        var thumb = AttachmentWorld.get(attachment.get("thumb_url").asString());
        assertThat(thumb.statusCode()).isEqualTo(200);
        var thumbImage = ImageIO.read(new ByteArrayInputStream(thumb.body()));
        assertThat(thumbImage.getWidth()).isEqualTo(250);
        assertThat(thumbImage.getHeight()).isEqualTo(188);
    }

    @Test
    void aDownloadWithoutAValidSignatureOrPastItsExpiryIsNotFound() throws Exception {
        JsonNode attachment = new Multipart().field("content", "a file")
                .file("attachments[]", "notes.txt", "text/plain", "some notes".getBytes(StandardCharsets.UTF_8))
                .post(world.messagesUrl(), world.team().agentUser().token()).expect(200).json().get("attachments").get(0);
        String dataUrl = attachment.get("data_url").asString();
        long id = attachment.get("id").asLong();
        String base = "http://localhost:" + port + "/attachments/" + id + "/file";

        assertThat(AttachmentWorld.get(dataUrl).statusCode()).isEqualTo(200);
        assertThat(AttachmentWorld.get(base).statusCode()).isEqualTo(404);
        assertThat(AttachmentWorld.get(dataUrl.replaceAll("expires=\\d+", "expires=4102444800")).statusCode()).isEqualTo(404);
        assertThat(AttachmentWorld.get(dataUrl.replace("/file?", "/thumb?")).statusCode()).isEqualTo(404);
        assertThat(AttachmentWorld.get(dataUrl.replace("/" + id + "/", "/" + (id + 1) + "/")).statusCode()).isEqualTo(404);

        long past = System.currentTimeMillis() / 1000 - 60;
        String expired = base + "?expires=" + past + "&signature=" + sign(id + ":file:" + past);
        assertThat(AttachmentWorld.get(expired).statusCode()).isEqualTo(404);
        long future = System.currentTimeMillis() / 1000 + 600;
        assertThat(AttachmentWorld.get(base + "?expires=" + future + "&signature=" + sign(id + ":file:" + future)).statusCode())
                .as("the same signature, unexpired, is accepted").isEqualTo(200);
    }

    @Test
    void htmlAndSvgAreServedAsDownloadsThatNoBrowserSniffsOrRuns() {
        byte[] html = "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        JsonNode attachments = new Multipart().field("content", "two files")
                .file("attachments[]", "page.html", "image/png", html)
                .file("attachments[]", "logo.svg", "image/png", svg)
                .post(world.messagesUrl(), world.team().agentUser().token()).expect(200).json().get("attachments");

        for (JsonNode attachment : attachments) {
            assertThat(attachment.get("file_type").asString()).as("the client's image/png is not believed").isEqualTo("file");
            assertThat(attachment.get("thumb_url").asString()).isEmpty();
            var download = AttachmentWorld.get(attachment.get("data_url").asString());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
            assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(download.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
        }
        assertThat(AttachmentWorld.get(attachments.get(0).get("data_url").asString()).body()).isEqualTo(html);
    }

    @Test
    void aFileOverTheAccountsLimitRefusesTheWholeMessageAndStoresNothing() throws Exception {
        platform().patch("/platform/api/v1/accounts/" + world.team().accountId() + "/attachment_limits",
                Map.of("max_file_size", 1024 * 1024, "max_files", 2)).expect(200);
        long messagesBefore = messageCount();
        long filesBefore = storedFiles();

        var tooBig = new Multipart().field("content", "too big")
                .file("attachments[]", "small.txt", "text/plain", "fine".getBytes(StandardCharsets.UTF_8))
                .file("attachments[]", "big.bin", "application/octet-stream", new byte[1024 * 1024 + 1])
                .post(world.messagesUrl(), world.team().agentUser().token()).expect(422).json();
        assertThat(tooBig.get("message").asString()).contains("big.bin").contains("1 MB");

        var tooMany = new Multipart().field("content", "too many")
                .file("attachments[]", "a.txt", "text/plain", new byte[]{'a'})
                .file("attachments[]", "b.txt", "text/plain", new byte[]{'b'})
                .file("attachments[]", "c.txt", "text/plain", new byte[]{'c'})
                .post(world.publicMessagesUrl(), null).expect(422).json();
        assertThat(tooMany.get("message").asString()).contains("at most 2 files");

        assertThat(messageCount()).isEqualTo(messagesBefore);
        assertThat(storedFiles()).isEqualTo(filesBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM attachments WHERE account_id = ?").param(world.team().accountId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aDeletedMessageLosesItsFilesFromTheStorage() throws Exception {
        JsonNode message = new Multipart().field("content", "oops")
                .file("attachments[]", "secret.png", "image/png", AttachmentWorld.png(40, 40))
                .post(world.messagesUrl(), world.team().agentUser().token()).expect(200).json();
        String key = jdbc.sql("SELECT storage_key FROM attachments WHERE message_id = ?").param(message.get("id").asLong())
                .query(String.class).single();
        assertThat(storage.exists(key)).isTrue();

        world.team().agent().delete("/api/v1/accounts/" + world.team().accountId() + "/conversations/" + world.displayId()
                + "/messages/" + message.get("id").asLong()).expect(200);

        assertThat(storage.exists(key)).isFalse();
        assertThat(AttachmentWorld.get(message.get("attachments").get(0).get("data_url").asString()).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM attachment_pending_keys WHERE storage_key = ?").param(key).query(Long.class).single()).isZero();
    }

    @Test
    void aCustomerMaySendAFileWithoutText() {
        var message = new Multipart().file("attachments[]", "photo.png", "image/png", AttachmentWorld.png(10, 10))
                .post(world.publicMessagesUrl(), null).expect(200).json();
        assertThat(message.get("attachments").get(0).get("file_type").asString()).isEqualTo("image");
        new Multipart().field("content", "").post(world.publicMessagesUrl(), null).expect(422);
    }

    @Test
    void limitsAreThePlatformsToChangeAndStrangersStoreNothing() throws Exception {
        String limits = "/platform/api/v1/accounts/" + world.team().accountId() + "/attachment_limits";
        assertThat(platform().get(limits).expect(200).json().get("max_file_size").asLong()).isEqualTo(40L * 1024 * 1024);
        assertThat(platform().get(limits).json().get("max_files").asInt()).isEqualTo(15);
        anonymous().get(limits).expect(401);
        world.team().admin().patch(limits, Map.of("max_files", 3)).expect(401);
        platform().patch("/platform/api/v1/accounts/999999999/attachment_limits", Map.of("max_files", 3)).expect(404);
        var invalid = platform().patch(limits, Map.of("max_files", 0, "max_file_size", 1024L * 1024 * 1024)).expect(422).json();
        assertThat(invalid.get("errors").has("max_files")).isTrue();
        assertThat(invalid.get("errors").has("max_file_size")).isTrue();
        assertThat(platform().get(limits).json().get("max_files").asInt()).as("a refused change changes nothing").isEqualTo(15);

        long filesBefore = storedFiles();
        var stranger = fixtures.account();
        new Multipart().field("content", "not yours").file("attachments[]", "x.txt", "text/plain", new byte[]{'x'})
                .post(world.messagesUrl(), stranger.adminUser().token()).expect(401);
        new Multipart().field("content", "no token").file("attachments[]", "x.txt", "text/plain", new byte[]{'x'})
                .post(world.messagesUrl(), null).expect(401);
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    private long messageCount() {
        return jdbc.sql("SELECT count(*) FROM messages WHERE account_id = ?").param(world.team().accountId()).query(Long.class).single();
    }

    private long storedFiles() throws Exception {
        var root = ((FileSystemStorage) storage).root();
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private String sign(String data) throws Exception {
        String secret = jdbc.sql("SELECT secret FROM attachment_secrets").query(String.class).single();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
