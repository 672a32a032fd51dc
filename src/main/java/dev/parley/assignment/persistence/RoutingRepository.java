package dev.parley.assignment.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Auto-assignment's own records: the per-account lock, who got what when, and the last decision per conversation. */
@Repository
public class RoutingRepository {

    /** "PARL": the first key of Parley's advisory locks; the second is the account id. */
    private static final int LOCK_NAMESPACE = 0x5041524C;

    private final JdbcClient jdbc;

    public RoutingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises auto-assignment of one account across threads and nodes until the transaction ends. */
    public void lockAccount(long accountId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(LOCK_NAMESPACE, (int) accountId).query(rs -> { });
    }

    public void recordAssignment(long accountId, long inboxId, long userId, long conversationId, Instant at) {
        jdbc.sql("INSERT INTO auto_assignments (account_id, inbox_id, user_id, conversation_id, assigned_at) VALUES (?, ?, ?, ?, ?)")
                .params(accountId, inboxId, userId, conversationId, Timestamp.from(at)).update();
    }

    public Map<Long, Instant> lastAssignedAt(long inboxId, Collection<Long> userIds) {
        var result = new HashMap<Long, Instant>();
        if (userIds.isEmpty()) return result;
        jdbc.sql("SELECT user_id, max(assigned_at) FROM auto_assignments WHERE inbox_id = ? AND user_id = ANY(?) GROUP BY user_id")
                .params(inboxId, userIds.toArray(Long[]::new))
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                });
        return result;
    }

    public Map<Long, Long> assignedSince(long inboxId, Collection<Long> userIds, Instant since) {
        var result = new HashMap<Long, Long>();
        if (userIds.isEmpty()) return result;
        jdbc.sql("SELECT user_id, count(*) FROM auto_assignments WHERE inbox_id = ? AND user_id = ANY(?) AND assigned_at > ? GROUP BY user_id")
                .params(inboxId, userIds.toArray(Long[]::new), Timestamp.from(since))
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getLong(2));
                });
        return result;
    }

    public void recordDecision(long conversationId, long accountId, long inboxId, Instant at, String outcome, Long chosen, String explanationJson) {
        jdbc.sql("""
                        INSERT INTO assignment_decisions (conversation_id, account_id, inbox_id, decided_at, outcome, chosen_user_id, explanation)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
                        ON CONFLICT (conversation_id) DO UPDATE SET decided_at = excluded.decided_at, outcome = excluded.outcome,
                            chosen_user_id = excluded.chosen_user_id, explanation = excluded.explanation, inbox_id = excluded.inbox_id""")
                .params(conversationId, accountId, inboxId, Timestamp.from(at), outcome, chosen, explanationJson).update();
    }

    /** A "waiting" decision, unless the last decision already is this waiting reason (then nothing is written). */
    public void recordDecisionIfChanged(long conversationId, long accountId, long inboxId, Instant at, String reason, String explanationJson) {
        jdbc.sql("""
                        INSERT INTO assignment_decisions (conversation_id, account_id, inbox_id, decided_at, outcome, chosen_user_id, explanation)
                        VALUES (?, ?, ?, ?, 'waiting', NULL, ?::jsonb)
                        ON CONFLICT (conversation_id) DO UPDATE SET decided_at = excluded.decided_at, outcome = excluded.outcome,
                            chosen_user_id = NULL, explanation = excluded.explanation, inbox_id = excluded.inbox_id
                        WHERE assignment_decisions.outcome <> 'waiting' OR assignment_decisions.explanation ->> 'reason' IS DISTINCT FROM ?""")
                .params(conversationId, accountId, inboxId, Timestamp.from(at), explanationJson, reason).update();
    }

    public Optional<String> decision(long conversationId) {
        return jdbc.sql("""
                        SELECT jsonb_build_object('decided_at', extract(epoch FROM decided_at)::bigint, 'outcome', outcome,
                            'chosen_user_id', chosen_user_id) || explanation
                        FROM assignment_decisions WHERE conversation_id = ?""")
                .param(conversationId).query(String.class).optional();
    }
}
