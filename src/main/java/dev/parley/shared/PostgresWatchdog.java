package dev.parley.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the embedded PostgreSQL stop when the JVM dies, however it dies (kill -9, OOM kill). A tiny
 * {@code sh} child reads its stdin, a pipe whose only writer is this JVM; the kernel closes the pipe
 * when the JVM is gone, the read returns, and the child sends the postmaster SIGINT (fast shutdown) if
 * {@code postmaster.pid} still names it, so it never stops a server a later run has started. It
 * ignores the terminal's signals (Ctrl-C reaches the whole process group): a graceful shutdown stops
 * the database itself, after the connection pool. Where there is no {@code /bin/sh} there is no
 * watchdog, and the next start clears the leftover instead ({@link LeftoverPostgres}).
 */
final class PostgresWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresWatchdog.class);
    private static final String SCRIPT = """
            trap '' INT HUP QUIT TERM
            while read -r _; do :; done
            IFS= read -r running < "$2" 2>/dev/null && [ "$running" = "$1" ] && kill -INT "$1"
            exit 0
            """;

    private final Process process;

    private PostgresWatchdog(Process process) {
        this.process = process;
    }

    static Optional<PostgresWatchdog> watch(PostgresDataDirectory dir, long postmasterPid) {
        if (!Files.isExecutable(Path.of("/bin/sh"))) return Optional.empty();
        try {
            Process process = new ProcessBuilder("/bin/sh", "-c", SCRIPT, "parley-postgres-watchdog", Long.toString(postmasterPid),
                    dir.pidFile().toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD) // a pipe would be closed with the JVM: SIGPIPE before the kill
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return Optional.of(new PostgresWatchdog(process));
        } catch (IOException e) {
            log.warn("No watchdog for the embedded PostgreSQL ({}); after a crash the next start stops it instead", e.getMessage());
            return Optional.empty();
        }
    }

    long pid() {
        return process.pid();
    }

    /** After a clean stop: the pipe closes, the postmaster is gone, the child exits. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            process.destroyForcibly();
        }
    }
}
