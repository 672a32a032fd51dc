package dev.parley.automation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.automation.persistence.ExecutionRepository;
import dev.parley.automation.persistence.ExecutionRepository.EventRun;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A batch's runs where nothing matched are written in one statement, which is also their claim; runs evaluated with
 * rules the account has since moved past write nothing, and the batch is done again with the current rules.
 */
class UnclaimedRunsIntegrationTests extends IntegrationTest {

    @Autowired
    ExecutionRepository executions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsOfTheCurrentRulesAreWrittenOnceAndRunsOfMovedRulesWriteNothing() {
        Team team = fixtures.account();
        long account = team.accountId();
        team.admin().post(team.path("/automation_rules"), Map.of("name", "Tag", "event_name", "message_created",
                "conditions", List.of(), "actions", List.of(Map.of("action_name", "add_label", "action_params", List.of("x"))))).expect(200);
        long version = executions.rulesVersions(List.of(account)).get(account);

        UnclaimedRuns current = new UnclaimedRuns();
        UUID first = UUID.randomUUID();
        current.recordSkipped(run(account, first), List.of(1L), "skipped: test", version);
        current.recordSkipped(run(account, first), List.of(1L), "skipped: test", version); // the same event twice: one row
        current.recordSkipped(run(account, UUID.randomUUID()), List.of(1L), "skipped: test", version);
        assertThat(current.writeTo(executions, (a, v) -> { throw new AssertionError("nothing is stale"); })).isEqualTo(2);
        assertThat(rows(account)).isEqualTo(2);

        UnclaimedRuns stale = new UnclaimedRuns();
        stale.recordSkipped(run(account, UUID.randomUUID()), List.of(1L), "skipped: test", version - 1);
        stale.recordSkipped(run(account, UUID.randomUUID()), List.of(1L), "skipped: test", version);
        Map<Long, Long> forgottenAt = new LinkedHashMap<>();
        assertThatThrownBy(() -> stale.writeTo(executions, forgottenAt::put))
                .isInstanceOf(UnclaimedRuns.RulesChangedDuringBatch.class);
        assertThat(forgottenAt).containsExactly(Map.entry(account, version - 1));
        assertThat(rows(account)).as("nothing of a stale batch is written").isEqualTo(2);
    }

    private static EventRun run(long account, UUID event) {
        return new EventRun(account, event, "message_created", 0, 0, Instant.now());
    }

    private long rows(long account) {
        return jdbc.sql("SELECT count(*) FROM automation_runs WHERE account_id = ?").param(account).query(Long.class).single();
    }
}
