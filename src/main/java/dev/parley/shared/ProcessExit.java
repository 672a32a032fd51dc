package dev.parley.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits for a process that is not this JVM's child (a PostgreSQL postmaster, which pg_ctl leaves to init) to end. A
 * process that has exited but not yet been reaped by its parent (a zombie) counts as ended: it holds no memory, file or
 * lock any more, and an init that reaps slowly (seen: 1.5 s per process in containers) would otherwise be waited for.
 */
final class ProcessExit {

    private static final long POLL_MILLIS = 20;

    private ProcessExit() {
    }

    /** Whether the process ended (or became a zombie) within the timeout. */
    static boolean awaitEnd(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running(process)) {
            if (System.nanoTime() > deadline) return false;
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !running(process);
            }
        }
        return true;
    }

    /** Alive and not a zombie. */
    static boolean running(ProcessHandle process) {
        return process.isAlive() && !zombie(process.pid());
    }

    /** The state letter of /proc/PID/stat (after the parenthesised command name) is Z for a zombie; false where there is no /proc. */
    static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
