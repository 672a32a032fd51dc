package dev.parley.shared;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a PostgreSQL data directory says about the server that last used it: {@code postmaster.pid}
 * (written by a running postmaster, removed by a clean stop) and the cluster state in
 * {@code global/pg_control}.
 */
record PostgresDataDirectory(Path path) {

    /** The first lines of {@code postmaster.pid}: pid, data directory, start time, port. */
    record PidFile(long pid, int port) {
    }

    Path pidFile() {
        return path.resolve("postmaster.pid");
    }

    Optional<PidFile> readPidFile() {
        try {
            List<String> lines = Files.readAllLines(pidFile());
            long pid = Long.parseLong(lines.get(0).trim());
            int port = lines.size() > 3 && !lines.get(3).isBlank() ? Integer.parseInt(lines.get(3).trim()) : 0;
            return Optional.of(new PidFile(pid, port));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // absent, or half-written by a postmaster that died while starting
        }
    }

    /**
     * Whether the cluster was last shut down cleanly. pg_control starts with the system identifier
     * (8 bytes), two 4-byte version numbers and then the state, in the machine's byte order; states 1
     * and 2 are "shut down" and "shut down in recovery", anything else means the next start replays
     * the write-ahead log (crash recovery). An unreadable or missing file counts as clean (new cluster).
     */
    boolean wasShutDownCleanly() {
        try {
            byte[] control = Files.readAllBytes(path.resolve("global/pg_control"));
            if (control.length < 20) return true;
            int state = ByteBuffer.wrap(control, 16, 4).order(ByteOrder.nativeOrder()).getInt();
            return state == 1 || state == 2;
        } catch (IOException e) {
            return true;
        }
    }
}
