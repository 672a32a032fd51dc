package dev.parley.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.Fixtures;
import dev.parley.support.Multipart;
import dev.parley.support.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 200 MB upload to a server with a 256 MB heap: refused with a 422 naming the file and the limit, and the server
 * goes on serving (uploads are spooled to disk, never held whole). The server is a separate JVM started from the
 * test classpath; the 200 MB come from a generator, never an array.
 */
class HugeUploadTests {

    static final long SIZE = 200L * 1024 * 1024;
    static ServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerProcess.start("-Xmx256m", "-XX:TieredStopAtLevel=1");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void a200MegabyteUploadIsRefusedCleanlyAndTheServerStaysHealthy() throws Exception {
        int port = server.port();
        var world = AttachmentWorld.create(new Fixtures(port), port);

        var refused = new Multipart().field("content", "the whole disk image")
                .file("attachments[]", "disk.img", "application/octet-stream", SIZE, () -> Multipart.generated(SIZE))
                .post(world.publicMessagesUrl(), null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("message").asString()).contains("disk.img").contains("100 MB");
        assertThat(new Api(port, null).get("/actuator/health").expect(200).body()).contains("UP");
        assertThat(server.alive()).isTrue();
        assertThat(server.log()).doesNotContain("OutOfMemoryError");

        var accepted = new Multipart().field("content", "a small one")
                .file("attachments[]", "small.png", "image/png", AttachmentWorld.png(100, 100))
                .post(world.publicMessagesUrl(), null).expect(200).json();
        assertThat(accepted.get("attachments").get(0).get("file_type").asString()).isEqualTo("image");
    }
}
