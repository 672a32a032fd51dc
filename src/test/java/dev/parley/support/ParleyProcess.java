package dev.parley.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Parley as a separate JVM, the way it runs in production ({@code dev.parley.Parley} on the test
 * class path), so a test can {@code kill -9} it. Embedded PostgreSQL on the given data directory,
 * or the database named by SPRING_DATASOURCE_URL, which the child inherits.
 */
public final class ParleyProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dataDir;
    private final int port;
    private final Path log;
    private final Process process;

    private ParleyProcess(Path dataDir, int port, Path log, Process process) {
        this.dataDir = dataDir;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    public static ParleyProcess start(Path dataDir, int port, Path log) {
        return start(dataDir, port, log, List.of());
    }

    /** As {@link #start(Path, int, Path)} with more command-line arguments (e.g. {@code --parley.clock.offset=PT11M}). */
    public static ParleyProcess start(Path dataDir, int port, Path log, List<String> moreArguments) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.parley.Parley",
                "--server.port=" + port, "--parley.data-dir=" + dataDir, "--parley.platform-token=" + IntegrationTest.PLATFORM_TOKEN,
                "--spring.jmx.enabled=false", "--logging.level.io.zonky=INFO"));
        command.addAll(moreArguments);
        try {
            return new ParleyProcess(dataDir, port, log, new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ParleyProcess restart(Path newLog) {
        return start(dataDir, port, newLog);
    }

    public ParleyProcess restart(Path newLog, List<String> moreArguments) {
        return start(dataDir, port, newLog, moreArguments);
    }

    /** Waits until the server is ready; returns how long that took. */
    public Duration awaitReady(Duration atMost) throws InterruptedException {
        long begin = System.nanoTime();
        while (System.nanoTime() - begin < atMost.toNanos()) {
            if (!process.isAlive()) throw new AssertionError("Parley exited with " + process.exitValue() + ":\n" + tail(60));
            try {
                var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build();
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - begin);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Parley did not answer within " + atMost + ":\n" + tail(60));
    }

    /** {@code kill -9} of the JVM (and, to play a harder crash, of the watchdog and the database too). */
    public void kill(boolean alsoWatchdog, boolean alsoDatabase) throws InterruptedException {
        List<ProcessHandle> victims = new ArrayList<>();
        if (alsoWatchdog) process.descendants().filter(p -> commandLine(p).contains("parley-postgres-watchdog")).forEach(victims::add);
        if (alsoDatabase) victims.addAll(postgresProcesses());
        victims.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: Spring's graceful shutdown. Returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) throw new AssertionError("Parley did not stop within 90 s:\n" + tail(60));
        return process.exitValue();
    }

    /** PostgreSQL server processes (postmaster and backends) on this data directory, found through /proc. */
    public List<ProcessHandle> postgresProcesses() {
        return ProcessHandle.allProcesses().filter(p -> {
            String cmd = commandLine(p);
            if (cmd.startsWith("postgres: ")) return sameFile(Path.of("/proc", Long.toString(p.pid()), "cwd"), dataDir);
            return cmd.contains("/bin/postgres") && cmd.contains(dataDir.toString());
        }).toList();
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public String tail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (process.isAlive()) process.destroyForcibly();
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
