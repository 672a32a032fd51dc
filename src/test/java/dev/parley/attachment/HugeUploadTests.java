package dev.parley.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.Fixtures;
import dev.parley.support.IntegrationTest;
import dev.parley.support.Multipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 200 MB upload to a server with a 256 MB heap: refused with a 422 naming the file and the limit, and the server
 * goes on serving (uploads are spooled to disk, never held whole). The server is a separate JVM started from the
 * test classpath, on its own embedded database (or SPRING_DATASOURCE_URL when set, as in CI's second run).
 */
class HugeUploadTests {

    static final long SIZE = 200L * 1024 * 1024;
    static Process server;
    static int port;
    static Path log;
    static Path dataDir;

    @BeforeAll
    static void startServer() throws Exception {
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        dataDir = Files.createTempDirectory("parley-huge-");
        log = Files.createTempFile("parley-huge-", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "dev.parley.Parley", "--server.port=" + port,
                "--parley.data-dir=" + dataDir.resolve("db"), "--parley.platform-token=" + IntegrationTest.PLATFORM_TOKEN));
        server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) throw new IllegalStateException("server stopped:\n" + Files.readString(log));
            try {
                if (new Api(port, null).get("/actuator/health").status() == 200) return;
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("server did not start:\n" + Files.readString(log));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server == null) return;
        server.destroy();
        if (!server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void a200MegabyteUploadIsRefusedCleanlyAndTheServerStaysHealthy() throws IOException {
        var fixtures = new Fixtures(port);
        var world = AttachmentWorld.create(fixtures, port);

        var refused = new Multipart().field("content", "the whole disk image")
                .file("attachments[]", "disk.img", "application/octet-stream", SIZE, () -> Multipart.generated(SIZE))
                .post(world.publicMessagesUrl(), null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("message").asString()).contains("disk.img").contains("100 MB");
        assertThat(new Api(port, null).get("/actuator/health").expect(200).body()).contains("UP");
        assertThat(server.isAlive()).isTrue();
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");

        var accepted = new Multipart().field("content", "a small one")
                .file("attachments[]", "small.png", "image/png", AttachmentWorld.png(100, 100))
                .post(world.publicMessagesUrl(), null).expect(200).json();
        assertThat(accepted.get("attachments").get(0).get("file_type").asString()).isEqualTo("image");
    }
}
