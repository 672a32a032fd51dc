package dev.parley.presence.persistence;

import dev.parley.presence.PresenceView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The presence projection in PostgreSQL; writers lock the agent's row first. */
@Repository
public class PresenceRepository {

    private static final String COLUMNS = "account_id, user_id, availability, auto_offline, last_heartbeat_at, online";
    private final JdbcClient jdbc;

    public PresenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the agent's row, creating it (offline) on first use. */
    public PresenceView lock(long accountId, long userId) {
        jdbc.sql("INSERT INTO agent_presence (account_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING").params(accountId, userId).update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM agent_presence WHERE account_id = ? AND user_id = ? FOR UPDATE")
                .params(accountId, userId).query(PresenceRepository::presence).single();
    }

    public void save(PresenceView p, Instant changedAt) {
        jdbc.sql("""
                        UPDATE agent_presence SET availability = ?, auto_offline = ?, last_heartbeat_at = ?, online = ?,
                            changed_at = CASE WHEN online <> ? THEN ? ELSE changed_at END
                        WHERE account_id = ? AND user_id = ?""")
                .params(p.availability(), p.autoOffline(), ts(p.lastHeartbeatAt()), p.online(), p.online(), ts(changedAt), p.accountId(),
                        p.userId())
                .update();
    }

    public Optional<PresenceView> find(long accountId, long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agent_presence WHERE account_id = ? AND user_id = ?").params(accountId, userId)
                .query(PresenceRepository::presence).optional();
    }

    public List<PresenceView> all(long accountId, Collection<Long> userIds) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agent_presence WHERE account_id = ? AND user_id = ANY(?)")
                .params(accountId, userIds.toArray(Long[]::new)).query(PresenceRepository::presence).list();
    }

    /** Agents announced online whose heartbeat is older than the cut-off, locked, skipping rows others hold. */
    public List<PresenceView> lockExpired(Instant cutoff, int limit) {
        return jdbc.sql("""
                        SELECT account_id, user_id, availability, auto_offline, last_heartbeat_at, online FROM agent_presence
                        WHERE online AND auto_offline AND (last_heartbeat_at IS NULL OR last_heartbeat_at <= ?)
                        LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(ts(cutoff), limit).query(PresenceRepository::presence).list();
    }

    public Set<Long> onlineAmong(long accountId, Collection<Long> userIds, Instant heartbeatCutoff) {
        return new HashSet<>(jdbc.sql("""
                        SELECT user_id FROM agent_presence WHERE account_id = ? AND user_id = ANY(?) AND availability = 'online'
                          AND (NOT auto_offline OR last_heartbeat_at > ?)""")
                .params(accountId, userIds.toArray(Long[]::new), ts(heartbeatCutoff)).query(Long.class).list());
    }

    public void delete(long accountId, long userId) {
        jdbc.sql("DELETE FROM agent_presence WHERE account_id = ? AND user_id = ?").params(accountId, userId).update();
    }

    private static PresenceView presence(ResultSet rs, int row) throws SQLException {
        Timestamp heartbeat = rs.getTimestamp("last_heartbeat_at");
        return new PresenceView(rs.getLong("account_id"), rs.getLong("user_id"), rs.getString("availability"), rs.getBoolean("auto_offline"),
                heartbeat == null ? null : heartbeat.toInstant(), rs.getBoolean("online"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
