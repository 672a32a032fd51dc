package dev.parley.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading what a data directory says about the last server, and telling a postmaster of this directory from anything else. */
class PostgresDataDirectoryTests {

    @TempDir
    Path dir;

    @Test
    void readsPidAndPortFromPostmasterPid() throws Exception {
        Files.writeString(dir.resolve("postmaster.pid"), "4242\n" + dir + "\n1764480000\n54321\n/tmp\n127.0.0.1\n  1234  5678\nready   \n");
        var pidFile = new PostgresDataDirectory(dir).readPidFile().orElseThrow();
        assertThat(pidFile.pid()).isEqualTo(4242);
        assertThat(pidFile.port()).isEqualTo(54321);
    }

    @Test
    void aMissingOrHalfWrittenPidFileIsNoPidFile() throws Exception {
        assertThat(new PostgresDataDirectory(dir).readPidFile()).isEmpty();
        Files.writeString(dir.resolve("postmaster.pid"), "");
        assertThat(new PostgresDataDirectory(dir).readPidFile()).isEmpty();
    }

    @Test
    void theClusterStateInPgControlTellsACleanShutdownFromACrash() throws Exception {
        Files.createDirectories(dir.resolve("global"));
        writeState(1); // DB_SHUTDOWNED
        assertThat(new PostgresDataDirectory(dir).wasShutDownCleanly()).isTrue();
        writeState(6); // DB_IN_PRODUCTION: the server was running when it died
        assertThat(new PostgresDataDirectory(dir).wasShutDownCleanly()).isFalse();
        writeState(4); // DB_IN_CRASH_RECOVERY: it died during a recovery
        assertThat(new PostgresDataDirectory(dir).wasShutDownCleanly()).isFalse();
    }

    @Test
    void aNewDirectoryCountsAsClean() {
        assertThat(new PostgresDataDirectory(dir).wasShutDownCleanly()).isTrue();
    }

    @Test
    void onlyAPostmasterOnThisDirectoryIsOurs() {
        String postgres = "/tmp/embedded-pg/PG-1/bin/postgres";
        assertThat(LeftoverPostgres.isPostgresOn(List.of(postgres, "-D", dir.toString(), "-p", "5432"), dir)).isTrue();
        assertThat(LeftoverPostgres.isPostgresOn(List.of(postgres, "-D", dir.resolve("other").toString()), dir)).isFalse();
        assertThat(LeftoverPostgres.isPostgresOn(List.of("/usr/bin/java", "-D", dir.toString()), dir)).isFalse();
        assertThat(LeftoverPostgres.isPostgresOn(List.of(postgres), dir)).isFalse();
        assertThat(LeftoverPostgres.isPostgresOn(List.of(), dir)).isFalse();
    }

    private void writeState(int state) throws Exception {
        ByteBuffer control = ByteBuffer.allocate(8192).order(ByteOrder.nativeOrder());
        control.putLong(7_000_000_000L).putInt(1700).putInt(202406281).putInt(state);
        Files.write(dir.resolve("global/pg_control"), control.array());
    }
}
