package dev.parley.shared;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way for the embedded PostgreSQL when an earlier run died without stopping it (kill -9,
 * OOM kill): a postmaster started by the dead JVM keeps running on the data directory, re-parented to
 * init, and a second one cannot start there. It is stopped the way pg_ctl stops a server, escalating
 * from fast to immediate shutdown and then SIGKILL. A {@code postmaster.pid} naming a process that is
 * not a postgres on this directory (pid reused after a reboot) is removed; one naming a process that is
 * gone is left to PostgreSQL, once the killed server's backends have ended. A directory still locked
 * by a live Parley is left alone.
 */
final class LeftoverPostgres {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);
    private static final String ZONKY_LOCK_FILE = "epg-lock"; // held by the JVM that runs the embedded server

    private LeftoverPostgres() {
    }

    static void stopIfRunning(PostgresDataDirectory dir, Duration stopTimeout) {
        Optional<PostgresDataDirectory.PidFile> pidFile = dir.readPidFile();
        if (pidFile.isEmpty()) return;
        long pid = pidFile.get().pid();
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(ProcessExit::running);
        if (postmaster.isEmpty()) {
            // PostgreSQL takes over a lock file whose process is gone, once no backend of it is left
            waitForOrphanedBackends(dir.path());
            return;
        }
        if (!isPostgresOn(commandLine(postmaster.get()), dir.path())) {
            deleteQuietly(dir.pidFile()); // the pid was reused (after a reboot): PostgreSQL would refuse to start
            log.info("Removed a stale postmaster.pid from {} (pid {} is no PostgreSQL on this directory)", dir.path(), pid);
            return;
        }
        if (lockedByAnotherRun(dir.path())) {
            throw new IllegalStateException("The data directory " + dir.path() + " is in use by another running Parley (PostgreSQL pid "
                    + pid + "); stop it first or give this one its own PARLEY_DATA_DIR");
        }
        long start = System.nanoTime();
        String how = stop(postmaster.get(), stopTimeout);
        log.warn("Found PostgreSQL (pid {}, port {}) left running on {} from an earlier run; stopped it ({}) in {} ms", pid,
                pidFile.get().port(), dir.path(), how, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * When the postmaster itself was killed, its backends notice within moments and exit; until they
     * have, a new postmaster refuses the directory ("pre-existing shared memory block is still in use").
     * They are recognised by their working directory, which is the data directory (Linux only).
     */
    private static void waitForOrphanedBackends(Path dataDir) {
        List<ProcessHandle> backends = ProcessHandle.allProcesses().filter(p -> isBackendIn(p, dataDir)).toList();
        if (backends.isEmpty() || lockedByAnotherRun(dataDir)) return;
        backends.forEach(p -> {
            if (!ProcessExit.awaitEnd(p, Duration.ofSeconds(5))) p.destroyForcibly();
        });
        log.warn("{} PostgreSQL processes of a server killed on {} were still running; waited for them to end", backends.size(), dataDir);
    }

    private static boolean isBackendIn(ProcessHandle process, Path dataDir) {
        Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
        try {
            List<String> argv = commandLine(process);
            return !argv.isEmpty() && argv.get(0).startsWith("postgres") && Files.isSameFile(cwd, dataDir);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Fast shutdown (SIGINT: sessions ended, checkpoint written), then immediate shutdown (SIGQUIT: the
     * next start replays the WAL), then SIGKILL to the postmaster and its children. These are the
     * signals pg_ctl sends; pg_ctl itself refuses to run as root, which containers often are.
     */
    private static String stop(ProcessHandle postmaster, Duration timeout) {
        List<ProcessHandle> family = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        String how = "fast shutdown";
        if (!signal(postmaster, "INT") || !ProcessExit.awaitEnd(postmaster, timeout)) {
            how = "immediate shutdown";
            if (!signal(postmaster, "QUIT") || !ProcessExit.awaitEnd(postmaster, Duration.ofSeconds(10))) {
                how = "SIGKILL";
                family.forEach(ProcessHandle::destroyForcibly);
            }
        }
        family.forEach(p -> ProcessExit.awaitEnd(p, Duration.ofSeconds(10))); // backends leave the shared memory before a new postmaster may start
        return how;
    }

    private static boolean signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** argv of a process: /proc/PID/cmdline on Linux, what the JDK can see elsewhere (macOS). */
    static List<String> commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.exists(proc)) {
                return Arrays.asList(new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).split("\0"));
            }
        } catch (IOException e) {
            return List.of();
        }
        var info = process.info();
        return info.command().map(c -> Stream.concat(Stream.of(c), Arrays.stream(info.arguments().orElse(new String[0]))).toList())
                .orElse(List.of());
    }

    /** A postmaster's argv: {@code .../bin/postgres -D <dataDir> ...} (backends rewrite theirs to "postgres: ..."). */
    static boolean isPostgresOn(List<String> argv, Path dataDir) {
        if (argv.isEmpty() || !Path.of(argv.get(0)).getFileName().toString().equals("postgres")) return false;
        int d = argv.indexOf("-D");
        if (d < 0 || d + 1 >= argv.size()) return false;
        return Path.of(argv.get(d + 1)).toAbsolutePath().normalize().equals(dataDir.toAbsolutePath().normalize());
    }

    private static boolean lockedByAnotherRun(Path dataDir) {
        Path lockFile = dataDir.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(lockFile)) return false;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true; // this very JVM runs a server on the directory
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", file, e.getMessage());
        }
    }
}
