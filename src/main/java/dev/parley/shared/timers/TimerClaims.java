package dev.parley.shared.timers;

import dev.parley.shared.JsonCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The poller's SQL. A claim marks a batch of due timers {@code firing} with a token and a lease (their
 * {@code next_try_at} becomes the lease's end, so a claim whose node died is due again when the lease runs out);
 * the firing transaction then checks, under the row lock, that the claim is still its own before it acts.
 */
@Component
class TimerClaims {

    private final JdbcClient jdbc;
    private final JsonCodec json;

    TimerClaims(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Claims up to {@code limit} timers due at {@code now}, oldest first, skipping those another node holds. */
    List<DueTimer> claim(UUID token, Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                        UPDATE timers t SET state = 'firing', claim_token = ?, next_try_at = ?
                        FROM (SELECT id FROM timers WHERE state IN ('armed', 'firing') AND next_try_at <= ?
                              ORDER BY next_try_at, id LIMIT ? FOR UPDATE SKIP LOCKED) due
                        WHERE t.id = due.id
                        RETURNING t.id, t.kind, t.subject, t.owner, t.account_id, t.conversation_id, t.due_at, t.payload, t.armed_at,
                                  t.armed_by, t.moves, t.moved_at, t.moved_by, t.attempts""")
                .params(token, Timers.ts(now.plus(lease)), Timers.ts(now), limit)
                .query((rs, n) -> new DueTimer(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"), rs.getString("owner"),
                        rs.getLong("account_id"), (Long) rs.getObject("conversation_id"), Timers.instant(rs, "due_at"),
                        json.readMap(rs.getString("payload")), Timers.instant(rs, "armed_at"), rs.getString("armed_by"), rs.getInt("moves"),
                        Timers.instant(rs, "moved_at"), rs.getString("moved_by"), rs.getInt("attempts")))
                .list().stream().sorted(java.util.Comparator.comparing(DueTimer::dueAt).thenComparing(DueTimer::id)).toList();
    }

    /** Locks the timer row; true when it is still firing under this claim (not cancelled, not re-claimed after a lost lease). */
    boolean stillMine(long id, UUID token) {
        return jdbc.sql("SELECT 1 FROM timers WHERE id = ? AND state = 'firing' AND claim_token = ? FOR UPDATE").params(id, token)
                .query(Integer.class).optional().isPresent();
    }

    void end(long id, TimerResult result, Instant now) {
        jdbc.sql("UPDATE timers SET state = ?, outcome = ?, ended_at = ?, ended_by = 'timer', claim_token = NULL WHERE id = ?")
                .params(result.fired() ? "fired" : "skipped", result.outcome(), Timers.ts(now), id).update();
    }

    /** A failed attempt: tried again after a growing pause, given up after {@code maxAttempts}. */
    void failed(long id, UUID token, String error, Instant now, int maxAttempts) {
        jdbc.sql("""
                        UPDATE timers SET attempts = attempts + 1, last_error = ?, claim_token = NULL,
                            state = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'armed' END,
                            ended_at = CASE WHEN attempts + 1 >= ? THEN ? END,
                            outcome = CASE WHEN attempts + 1 >= ? THEN 'failed ' || (attempts + 1) || ' times: ' || ? END,
                            next_try_at = ? + make_interval(secs => 30 * power(2, attempts))
                        WHERE id = ? AND state = 'firing' AND claim_token = ?""")
                .params(error, maxAttempts, maxAttempts, Timers.ts(now), maxAttempts, error, Timers.ts(now), id, token).update();
    }
}
