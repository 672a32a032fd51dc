package dev.parley.benchmarks;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.parley.support.Fixtures;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15's email figures (not part of {@code ./mvnw verify}; run it with {@code ./mvnw test -Dtest=EmailImportBenchmark}),
 * against GreenMail on loopback (IMAP with IDLE, SMTP): the time from handing a mail to SMTP until its conversation is
 * listed by the API, for 100 mails sent one by one to an inbox whose watcher waits in IDLE (p50/p95/p99); and the import
 * rate of a backlog of 1,000 mails that arrived before the inbox existed. Then a pgbench TPC-B run on the same
 * PostgreSQL, so figures from a shared machine compare by their ratio.
 */
class EmailImportBenchmark extends IntegrationTest {

    private static final GreenMail MAIL = new GreenMail(new com.icegreen.greenmail.util.ServerSetup[] {
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    static {
        MAIL.start(); // stopped with the JVM
    }

    private static final int SENT = Integer.getInteger("email.sent", 100);
    private static final int BACKLOG = Integer.getInteger("email.backlog", 1000);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void timeToConversationOverIdleAndBacklogImportRate() throws Exception {
        var team = fixtures.account();

        String live = mailbox();
        long liveInbox = inbox(team, live);
        GreenMailUtil.sendTextEmail(live, "warm-up@customer.test", "Warm-up", "The watcher is in IDLE once this is imported.", MAIL.getSmtp().getServerSetup());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> listed(team, liveInbox) == 1);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < SENT; i++) {
            long begin = System.nanoTime();
            GreenMailUtil.sendTextEmail(live, "idle-" + i + "@customer.test", "Question " + i, "Mail " + i + " while the watcher idles.",
                    MAIL.getSmtp().getServerSetup());
            int expected = i + 2;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> listed(team, liveInbox) == expected);
            millis.add((System.nanoTime() - begin) / 1_000_000);
        }
        System.out.printf("BENCH email: SMTP to conversation listed by the API, %d mails one by one over IDLE: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                SENT, LoadScenarioBenchmark.pct(millis, 50), LoadScenarioBenchmark.pct(millis, 95), LoadScenarioBenchmark.pct(millis, 99),
                LoadScenarioBenchmark.pct(millis, 100));

        String backlog = mailbox();
        for (int i = 0; i < BACKLOG; i++) {
            GreenMailUtil.sendTextEmail(backlog, "backlog-" + i + "@customer.test", "Backlog " + i, "Mail " + i + " of the backlog.",
                    MAIL.getSmtp().getServerSetup());
        }
        long begin = System.nanoTime();
        long backlogInbox = inbox(team, backlog);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> imported(backlogInbox) == BACKLOG);
        double seconds = (System.nanoTime() - begin) / 1e9;
        double rate = BACKLOG / seconds;
        System.out.printf("BENCH email: backlog of %d mails imported in %.1f s from the inbox's creation: %.1f mails/s%n", BACKLOG, seconds, rate);

        double tps = Pgbench.tpcB(dataSource, jdbc);
        System.out.printf("BENCH email: pgbench TPC-B on the same PostgreSQL: %.0f tps; backlog mails/s / TPS = %.4f%n", tps, rate / tps);
    }

    private static String mailbox() {
        String address = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        MAIL.setUser(address, address, "imap-pw");
        return address;
    }

    /** An email inbox reading the GreenMail mailbox by IMAP; answers its id. */
    private long inbox(Fixtures.Team team, String address) {
        var channel = new LinkedHashMap<String, Object>(Map.of("type", "email", "email", address, "imap_enabled", true,
                "imap_address", "127.0.0.1", "imap_port", MAIL.getImap().getPort(), "imap_login", address, "imap_password", "imap-pw"));
        channel.put("imap_enable_ssl", false);
        return team.admin().post(team.path("/inboxes"), Map.of("name", "Bench mail", "channel", channel)).expect(200).json().get("id").asLong();
    }

    /** Conversations of the inbox as the API lists them. */
    private static long listed(Fixtures.Team team, long inboxId) {
        return team.admin().get(team.path("/conversations?status=all&inbox_id=" + inboxId)).expect(200).json().at("/data/meta/all_count").asLong();
    }

    private long imported(long inboxId) {
        return jdbc.sql("SELECT count(*) FROM email_received WHERE inbox_id = ? AND status = 'imported'").param(inboxId).query(Long.class).single();
    }
}
