package dev.parley.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.attachment.storage.BlobStorage;
import dev.parley.attachment.storage.S3Storage;
import dev.parley.attachment.storage.StorageConfiguration;
import dev.parley.support.IntegrationTest;
import dev.parley.support.Multipart;
import dev.parley.support.S3Server;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/** The same attachment life, with the bytes in a real S3-compatible server (S3Proxy) instead of the file system. */
class S3AttachmentIntegrationTests extends IntegrationTest {

    static final String BUCKET = "parley-attachments";

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        S3Server server = S3Server.start();
        try (S3Client s3 = StorageConfiguration.s3Client(new StorageConfiguration.StorageProperties("s3", "", "", server.endpoint(), BUCKET,
                "us-east-1", true, S3Server.ACCESS_KEY, S3Server.SECRET_KEY))) {
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) s3.createBucket(b -> b.bucket(BUCKET));
        }
        registry.add("parley.storage.type", () -> "s3");
        registry.add("parley.storage.s3.endpoint", server::endpoint);
        registry.add("parley.storage.s3.bucket", () -> BUCKET);
        registry.add("parley.storage.s3.access-key", () -> S3Server.ACCESS_KEY);
        registry.add("parley.storage.s3.secret-key", () -> S3Server.SECRET_KEY);
    }

    @Autowired
    BlobStorage storage;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theStorageIsTheS3OneAndPutsGetsAndDeletes() throws Exception {
        assertThat(storage).isInstanceOf(S3Storage.class);
        byte[] bytes = "stored in a bucket".getBytes(StandardCharsets.UTF_8);
        storage.put("s3roundtrip01", new ByteArrayInputStream(bytes), bytes.length, "text/plain");
        assertThat(storage.exists("s3roundtrip01")).isTrue();
        try (var in = storage.get("s3roundtrip01")) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        storage.delete("s3roundtrip01");
        assertThat(storage.exists("s3roundtrip01")).isFalse();
        storage.delete("s3roundtrip01");
    }

    @Test
    void anImageRoundTripsThroughTheBucketWithItsThumbnail() throws Exception {
        var world = AttachmentWorld.create(fixtures, port);
        byte[] png = AttachmentWorld.png(640, 480);
        JsonNode attachment = new Multipart().field("content", "from S3")
                .file("attachments[]", "chart.png", "image/png", png)
                .post(world.messagesUrl(), world.team().agentUser().token()).expect(200).json().get("attachments").get(0);

        assertThat(AttachmentWorld.get(attachment.get("data_url").asString()).body()).isEqualTo(png);
        var thumb = AttachmentWorld.get(attachment.get("thumb_url").asString());
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(thumb.body())).getWidth()).isEqualTo(250);
        assertThat(AttachmentWorld.get(attachment.get("data_url").asString().replaceAll("signature=.*", "signature=0")).statusCode())
                .isEqualTo(404);

        String key = jdbc.sql("SELECT storage_key FROM attachments WHERE id = ?").param(attachment.get("id").asLong()).query(String.class).single();
        assertThat(storage.exists(key)).isTrue();
        world.team().agent().delete("/api/v1/accounts/" + world.team().accountId() + "/conversations/" + world.displayId()
                + "/messages/" + attachment.get("message_id").asLong()).expect(200);
        assertThat(storage.exists(key)).isFalse();
    }
}
