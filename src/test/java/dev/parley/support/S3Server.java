package dev.parley.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real S3-compatible server for tests: S3Proxy (Maven Central's {@code org.gaul:s3proxy}, copied to
 * target/s3proxy by the build) over jclouds' in-memory blob store, run as its own JVM on a free port with
 * signature checking on. One per test JVM; it stops with it.
 */
public final class S3Server {

    public static final String ACCESS_KEY = "parley-test";
    public static final String SECRET_KEY = "parley-test-secret";
    private static S3Server running;

    private final int port;

    private S3Server(int port) {
        this.port = port;
    }

    public static synchronized S3Server start() {
        if (running != null) return running;
        try {
            Path jar = Path.of("target/s3proxy/s3proxy.jar");
            if (!Files.exists(jar)) throw new IllegalStateException("run the build's process-test-resources phase first: " + jar + " missing");
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path properties = Files.createTempFile("s3proxy-", ".properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=transient",
                    "jclouds.identity=" + ACCESS_KEY,
                    "jclouds.credential=" + SECRET_KEY, ""));
            Path log = Files.createTempFile("s3proxy-", ".log");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-jar", jar.toString(), "--properties", properties.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            waitForPort(port, process, log);
            running = new S3Server(port);
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private static void waitForPort(int port, Process process, Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new IllegalStateException("S3Proxy stopped: " + Files.readString(log));
            try (var socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        process.destroy();
        throw new IllegalStateException("S3Proxy did not open port " + port + ": " + Files.readString(log));
    }
}
