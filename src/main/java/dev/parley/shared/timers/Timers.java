package dev.parley.shared.timers;

import dev.parley.shared.BatchedDelete;
import dev.parley.shared.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Arms, moves and cancels durable timers. The changing methods join the caller's transaction (they must be
 * called inside one): a timer is armed or cancelled together with the change that causes it, or not at all.
 * {@code by} says who or what did it, in words, for the explain log.
 */
@Component
public class Timers {

    static final String LIVE = "state IN ('armed', 'firing')";
    static final String COLUMNS = """
            id, kind, subject, owner, account_id, conversation_id, state, due_at, payload, armed_at, armed_by, moves, moved_at, moved_by,
            attempts, last_error, ended_at, ended_by, outcome""";

    private final JdbcClient jdbc;
    private final JsonCodec json;
    private final Clock clock;

    Timers(JdbcClient jdbc, JsonCodec json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Arms the timer unless one is already live for its key (the first arming keeps its time); true if armed now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean arm(TimerKey key, String owner, long accountId, Long conversationId, Instant dueAt, Map<String, Object> payload, String by) {
        return jdbc.sql(INSERT + " ON CONFLICT (kind, subject) WHERE " + LIVE + " DO NOTHING")
                .params(key.kind(), key.subject(), owner, accountId, conversationId, ts(dueAt), ts(dueAt), json.write(payload),
                        ts(clock.instant()), by)
                .update() > 0;
    }

    /** Arms the timer, or moves the armed one for its key to the new time (a timer being fired is left alone). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void armOrMove(TimerKey key, String owner, long accountId, Long conversationId, Instant dueAt, Map<String, Object> payload,
                          String by) {
        Instant now = clock.instant();
        jdbc.sql(INSERT + " ON CONFLICT (kind, subject) WHERE " + LIVE + """
                         DO UPDATE SET due_at = EXCLUDED.due_at, next_try_at = EXCLUDED.due_at, payload = EXCLUDED.payload,
                            moves = timers.moves + 1, moved_at = ?, moved_by = ? WHERE timers.state = 'armed'""")
                .params(key.kind(), key.subject(), owner, accountId, conversationId, ts(dueAt), ts(dueAt), json.write(payload), ts(now), by,
                        ts(now), by)
                .update();
    }

    /** Moves an armed timer (by id) to a new time with a new payload; false when it is no longer armed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean move(long id, Instant dueAt, Map<String, Object> payload, String by) {
        return jdbc.sql("""
                        UPDATE timers SET due_at = ?, next_try_at = ?, payload = ?::jsonb, moves = moves + 1, moved_at = ?, moved_by = ?
                        WHERE id = ? AND state = 'armed'""")
                .params(ts(dueAt), ts(dueAt), json.write(payload), ts(clock.instant()), by, id).update() > 0;
    }

    /** Cancels the live timer of that key, if any. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancel(TimerKey key, String by) {
        return end("kind = ? AND subject = ?", by, key.kind(), key.subject());
    }

    /** Cancels one timer by id if it is still armed; false when it has fired, is firing or ended. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean cancel(long id, String by) {
        return jdbc.sql("UPDATE timers SET state = 'cancelled', ended_at = ?, ended_by = ? WHERE id = ? AND state = 'armed'")
                .params(ts(clock.instant()), by, id).update() > 0;
    }

    /** Cancels the conversation's live timers of a kind whose payload has {@code field = value} (e.g. episode = awaiting_agent). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelOfConversation(long conversationId, String kind, String field, String value, String by) {
        return end("conversation_id = ? AND kind = ? AND payload ->> ? = ?", by, conversationId, kind, field, value);
    }

    /** Cancels every live timer an owner made (a rule that was edited or deleted). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelOwned(String owner, String by) {
        return end("owner = ?", by, owner);
    }

    private int end(String where, String by, Object... params) {
        Object[] all = new Object[params.length + 2];
        all[0] = ts(clock.instant());
        all[1] = by;
        System.arraycopy(params, 0, all, 2, params.length);
        return jdbc.sql("UPDATE timers SET state = 'cancelled', ended_at = ?, ended_by = ? WHERE " + LIVE + " AND " + where)
                .params(all).update();
    }

    /** The live (armed or firing) timer of that key, if any. */
    public Optional<TimerView> live(TimerKey key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM timers WHERE kind = ? AND subject = ? AND " + LIVE).params(key.kind(), key.subject())
                .query(this::view).optional();
    }

    public Optional<TimerView> find(long accountId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM timers WHERE account_id = ? AND id = ?").params(accountId, id).query(this::view).optional();
    }

    /** The conversation's timers, pending first (soonest due first), then ended ones, newest first. */
    public List<TimerView> ofConversation(long conversationId, String kind, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM timers WHERE conversation_id = ? AND (? IS NULL OR kind = ?) ORDER BY " + LIVE
                        + " DESC, CASE WHEN " + LIVE + " THEN due_at END, ended_at DESC NULLS LAST, id DESC LIMIT ?")
                .params(conversationId, kind, kind, limit).query(this::view).list();
    }

    public long deleteEndedBefore(Instant cutoff) {
        return BatchedDelete.rowsBefore(jdbc, "timers", "ended_at", cutoff);
    }

    private static final String INSERT = """
            INSERT INTO timers (kind, subject, owner, account_id, conversation_id, due_at, next_try_at, payload, armed_at, armed_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""";

    TimerView view(ResultSet rs, int row) throws SQLException {
        return new TimerView(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"), rs.getString("owner"),
                (Long) rs.getObject("conversation_id"), rs.getString("state"), instant(rs, "due_at"), json.readMap(rs.getString("payload")),
                instant(rs, "armed_at"), rs.getString("armed_by"), rs.getInt("moves"), instant(rs, "moved_at"), rs.getString("moved_by"),
                rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "ended_at"), rs.getString("ended_by"), rs.getString("outcome"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
