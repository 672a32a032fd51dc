package dev.parley.shared;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of one run: started after clearing what an earlier run may have left
 * ({@link LeftoverPostgres}), given as long as crash recovery needs, watched so it stops if the JVM
 * dies ({@link PostgresWatchdog}), and stopped on close only once its processes are really gone.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Optional<ProcessHandle> postmaster;
    private final Optional<PostgresWatchdog> watchdog;
    private final Duration stopTimeout;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Optional<ProcessHandle> postmaster, Optional<PostgresWatchdog> watchdog,
                             Duration stopTimeout) {
        this.postgres = postgres;
        this.postmaster = postmaster;
        this.watchdog = watchdog;
        this.stopTimeout = stopTimeout;
    }

    /** preloadLibraries: PostgreSQL's {@code shared_preload_libraries} (e.g. {@code pg_stat_statements} for the benchmarks), or blank. */
    static EmbeddedDatabase start(Path directory, boolean temporary, Duration startupWait, Duration stopTimeout, String preloadLibraries)
            throws IOException {
        Files.createDirectories(directory);
        var dir = new PostgresDataDirectory(directory);
        LeftoverPostgres.stopIfRunning(dir, stopTimeout);
        boolean recovering = !temporary && !dir.wasShutDownCleanly();
        if (recovering) {
            log.warn("PostgreSQL in {} was not shut down cleanly (kill -9, OOM kill or power cut): it replays its write-ahead log "
                    + "before it accepts connections (waiting up to {} s)", directory, startupWait.toSeconds());
        }
        long begin = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (preloadLibraries != null && !preloadLibraries.isBlank()) builder.setServerConfig("shared_preload_libraries", preloadLibraries);
        EmbeddedPostgres postgres = builder
                .setDataDirectory(directory)
                .setCleanDataDirectory(temporary)
                .setRegisterShutdownHook(false) // Spring closes it after the connection pool, not before
                .setPGStartupWait(startupWait) // zonky's 10 s is shorter than a crash recovery can take
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                .start();
        if (recovering) log.warn("Crash recovery of {} took {} s", directory, String.format("%.1f", (System.nanoTime() - begin) / 1e9));
        Optional<ProcessHandle> postmaster = dir.readPidFile().flatMap(p -> ProcessHandle.of(p.pid()));
        Optional<PostgresWatchdog> watchdog = postmaster.flatMap(p -> PostgresWatchdog.watch(dir, p.pid()));
        log.info("Embedded PostgreSQL (pid {}) on port {}{}", postmaster.map(ProcessHandle::pid).orElse(-1L), postgres.getPort(),
                watchdog.map(w -> ", stopped by watchdog pid " + w.pid() + " if this JVM dies").orElse(""));
        return new EmbeddedDatabase(postgres, postmaster, watchdog, stopTimeout);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** zonky's stop waits 5 s for the shutdown checkpoint; a busy server may need longer, and the process must not outlive us. */
    @Override
    public void close() throws IOException {
        postgres.close();
        postmaster.ifPresent(p -> {
            if (!ProcessExit.awaitEnd(p, stopTimeout)) {
                log.warn("Embedded PostgreSQL (pid {}) still running {} s after the stop request", p.pid(), stopTimeout.toSeconds());
            }
        });
        watchdog.ifPresent(PostgresWatchdog::close);
    }
}
