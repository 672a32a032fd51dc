package dev.parley.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.parley.support.Fixtures;
import dev.parley.support.ParleyProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's crash promise: Parley (its own JVM) is killed with {@code kill -9} in the middle of importing a backlog of
 * 500 mails from IMAP (GreenMail in this JVM) and started again on the same database: every mail ends imported exactly
 * once, as one incoming message with its Message-ID, in a conversation of its own. The database is an embedded
 * PostgreSQL of this test (or the one SPRING_DATASOURCE_URL names), so it survives the kill and SQL can count.
 */
@Tag("crash")
class EmailImportCrashTests {

    private static final int BACKLOG = 500;

    @TempDir
    Path temp;

    @Test
    void aKillMinus9InTheMiddleOfA500MailBacklogLosesAndDuplicatesNothing() throws Exception {
        Path logs = Path.of("target", "email-crash", Long.toString(System.currentTimeMillis())).toAbsolutePath(); // kept for a look
        Files.createDirectories(logs);
        GreenMail mail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        mail.start();
        try (var database = Database.open()) {
            String address = "backlog@acme.test";
            mail.setUser(address, address, "imap-pw");
            List<String> messageIds = new ArrayList<>();
            for (int i = 0; i < BACKLOG; i++) {
                var m = EmailRoundTripIntegrationTests.mail("customer-" + i + "@customer.test", address, "Backlog " + i,
                        "Mail number " + i + " of the backlog.");
                messageIds.add(m.getMessageID().replaceAll("[<>]", ""));
                mail.getUserManager().getUserByEmail(address).deliver(m);
            }
            List<String> arguments = new ArrayList<>(database.arguments());
            arguments.addAll(List.of("--parley.webhooks.allow-private=true", "--parley.email.imap.check-interval=PT0.5S"));
            ParleyProcess server = ParleyProcess.start(temp.resolve("unused"), ParleyProcess.freePort(), logs.resolve("run-1.log"), arguments);
            try {
                server.awaitReady(Duration.ofSeconds(180));
                var team = new Fixtures(server.port()).account();
                long inboxId = EmailInboxes.create(team, address, Map.of("imap_enabled", true, "imap_address", "127.0.0.1",
                        "imap_port", mail.getImap().getPort(), "imap_login", address, "imap_password", "imap-pw", "imap_enable_ssl", false))
                        .get("id").asLong();

                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> database.received(inboxId) >= 20);
                server.kill(false, false);
                long beforeKill = database.received(inboxId);
                System.out.printf("EMAIL CRASH kill -9 after %d of %d mails imported%n", beforeKill, BACKLOG);
                assertThat(beforeKill).as("mails imported when the server was killed").isLessThan(BACKLOG);

                server = server.restart(logs.resolve("run-2.log"), arguments);
                server.awaitReady(Duration.ofSeconds(180));
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> database.received(inboxId) >= BACKLOG);

                assertThat(database.strings("SELECT status FROM email_received WHERE inbox_id = ?", inboxId))
                        .as("every mail received once, imported").hasSize(BACKLOG).containsOnly("imported");
                assertThat(database.strings("SELECT source_id FROM messages WHERE inbox_id = ? AND message_type = 0", inboxId))
                        .as("incoming messages by Message-ID").containsExactlyInAnyOrderElementsOf(messageIds);
                assertThat(database.strings("SELECT id::text FROM conversations WHERE inbox_id = ?", inboxId)).hasSize(BACKLOG);
            } finally {
                server.close();
            }
        } finally {
            mail.stop();
        }
    }

    /**
     * The servers' database: always this test's own embedded PostgreSQL. In the CI pass against the machine's
     * PostgreSQL the other test contexts of this JVM share that database, and their IMAP watchers would compete
     * for the inbox (one node per inbox) while the test's server is down.
     */
    private record Database(EmbeddedPostgres embedded, String url, String user, String password) implements AutoCloseable {

        static Database open() throws Exception {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            return new Database(embedded, embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
        }

        List<String> arguments() {
            return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user, "--spring.datasource.password=");
        }

        long received(long inboxId) throws SQLException {
            return strings("SELECT id::text FROM email_received WHERE inbox_id = ?", inboxId).size();
        }

        List<String> strings(String sql, long inboxId) throws SQLException {
            try (Connection c = DriverManager.getConnection(url, user, password); var statement = c.prepareStatement(sql)) {
                statement.setLong(1, inboxId);
                List<String> out = new ArrayList<>();
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
                return out;
            }
        }

        @Override
        public void close() throws Exception {
            if (embedded != null) embedded.close();
        }
    }
}
