package dev.parley.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.ParleyProcess;
import dev.parley.support.TimedIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delayed rules fire once across {@code kill -9} and several nodes, and timers that came due while no server ran
 * fire when one starts. This test's own server arms 50 "no agent reply for 10 minutes" timers; then two more
 * nodes start as separate JVMs on the same database (this test's embedded PostgreSQL, or the one
 * SPRING_DATASOURCE_URL names, which they inherit) with their clocks past the due time, and fire them in small
 * batches; one of them is killed with {@code kill -9} as soon as the first rule message is stored, so the other
 * takes over its claims when their lease runs out. Every conversation gets the rule's message exactly once, and
 * every timer ends fired; five replies an agent scheduled for that time are sent once each.
 */
@Tag("crash")
class DelayedRulesAcrossNodesAndCrashesTests extends TimedIntegrationTest {

    private static final String MESSAGE = "We have not forgotten you.";
    private static final String SCHEDULED = "As promised, here is the follow-up.";

    @TempDir
    Path temp;

    @Test
    void eachDueTimerFiresOnceAcrossKillMinus9AndTwoNodes() throws Exception {
        Path logs = Path.of("target", "timer-crashes", Long.toString(System.currentTimeMillis())).toAbsolutePath();
        Files.createDirectories(logs);
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        team.admin().post(team.path("/automation_rules"), DelayedRulesIntegrationTests.rule("message_created",
                List.of(DelayedRulesIntegrationTests.incoming()),
                List.of(Map.of("action_name", "send_message", "action_params", List.of(MESSAGE))), 10)).expect(200);
        for (int i = 0; i < 50; i++) fixtures.conversation(fixtures.customer(inbox, "Waiting " + i), "Hello?");
        for (int i = 0; i < 5; i++) { // five more conversations, answered at once, with a follow-up the agent scheduled for the tenth minute
            long answered = fixtures.conversation(fixtures.customer(inbox, "Answered " + i), "Hello?");
            team.agent().post(team.path("/conversations/" + answered + "/messages"), Map.of("content", "Hi! I will come back to you.")).expect(200);
            team.agent().post(team.path("/conversations/" + answered + "/scheduled_messages"), Map.of("content", SCHEDULED,
                    "scheduled_at", clock.instant().plus(Duration.ofMinutes(10)).getEpochSecond())).expect(200);
        }
        assertThat(count("SELECT count(*) FROM timers WHERE account_id = ? AND state = 'armed'", team.accountId())).isEqualTo(55);
        Instant lastDue = jdbc.sql("SELECT max(due_at) FROM timers WHERE account_id = ?").param(team.accountId()).query(Timestamp.class).single()
                .toInstant();
        // the other nodes' clocks run a minute past the last due time (this test's clock stands still)
        Duration ahead = Duration.between(Instant.now(), lastDue).plusMinutes(1).withNanos(0);
        List<String> arguments = new ArrayList<>(database());
        arguments.addAll(List.of("--parley.clock.offset=" + (ahead.isNegative() ? Duration.ZERO : ahead), "--parley.timers.batch-size=5",
                "--parley.timers.lease=PT5S", "--parley.timers.poll-interval=PT0.2S",
                "--spring.modulith.events.republish-outstanding-events-on-restart=false")); // this test's server is a node too
        ParleyProcess doomed = ParleyProcess.start(temp.resolve("unused-1"), ParleyProcess.freePort(), logs.resolve("doomed.log"), arguments);
        ParleyProcess survivor = ParleyProcess.start(temp.resolve("unused-2"), ParleyProcess.freePort(), logs.resolve("survivor.log"), arguments);
        try {
            await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(50)).until(() -> ruleMessages(team) > 0);
            doomed.kill(false, false);
            survivor.awaitReady(Duration.ofSeconds(300));
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> count("SELECT count(*) FROM timers WHERE account_id = ? AND state = 'fired'", team.accountId()) == 55);
            assertThat(ruleMessages(team)).isEqualTo(50);
            assertThat(count("""
                    SELECT count(*) FROM (SELECT conversation_id FROM messages WHERE account_id = ? AND content = '%s'
                    GROUP BY conversation_id HAVING count(*) = 1) once""".formatted(MESSAGE), team.accountId())).as("conversations messaged once").isEqualTo(50);
            assertThat(count("SELECT count(*) FROM automation_runs WHERE account_id = ? AND timer IS NOT NULL", team.accountId())).isEqualTo(50);
            assertThat(count("SELECT count(*) FROM messages WHERE account_id = ? AND content = '" + SCHEDULED + "'", team.accountId()))
                    .as("scheduled replies sent once each").isEqualTo(5);
        } finally {
            doomed.close();
            survivor.close();
        }
    }

    /** This test's database for the JVMs: an external one they inherit from the environment, or this context's embedded one. */
    private List<String> database() {
        if (System.getenv("SPRING_DATASOURCE_URL") != null) return List.of();
        String url = jdbc.sql("SELECT 'jdbc:postgresql://localhost:' || inet_server_port() || '/' || current_database()").query(String.class).single();
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres");
    }

    private long ruleMessages(Team team) {
        return count("SELECT count(*) FROM messages WHERE account_id = ? AND content = '" + MESSAGE + "'", team.accountId());
    }

    private long count(String sql, long accountId) {
        return jdbc.sql(sql).param(accountId).query(Long.class).single();
    }
}
