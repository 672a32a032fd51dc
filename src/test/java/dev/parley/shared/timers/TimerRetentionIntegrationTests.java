package dev.parley.shared.timers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Timers that ended longer ago than the retention (30 days) are deleted; recent and live ones are kept. */
class TimerRetentionIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TimerRetention retention;

    private long timer(String state, String endedAgo) {
        long accountId = fixtures.account().accountId();
        return jdbc.sql("""
                INSERT INTO timers (kind, subject, account_id, state, due_at, next_try_at, armed_at, armed_by, ended_at)
                VALUES ('retention_test', gen_random_uuid()::text, ?, ?, now(), now(), now() - interval '60 days', 'test',
                        CASE WHEN ?::text IS NULL THEN NULL ELSE now() - ?::interval END)
                RETURNING id""")
                .params(accountId, state, endedAgo, endedAgo).query(Long.class).single();
    }

    private boolean exists(long id) {
        return jdbc.sql("SELECT count(*) FROM timers WHERE id = ?").param(id).query(Long.class).single() == 1;
    }

    @Test
    void deletesOnlyTimersThatEndedBeforeTheRetention() {
        long old = timer("fired", "31 days");
        long recent = timer("cancelled", "1 day");
        long armed = timer("armed", null);
        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);
        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(exists(armed)).isTrue();
    }
}
