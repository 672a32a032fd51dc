package dev.parley.automation.persistence;

import dev.parley.shared.JsonCodec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The explain log: one row per rule and event, unique, so a redelivered event cannot run a rule twice. */
@Repository
public class ExecutionRepository {

    private final JdbcClient jdbc;
    private final JsonCodec json;

    public ExecutionRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Claims the (rule, event) pair; false when it was already claimed (a redelivery). */
    public boolean claim(long accountId, long ruleId, UUID eventId, String eventName, long conversationId, long displayId, Instant at) {
        return jdbc.sql("""
                        INSERT INTO automation_rule_executions (account_id, rule_id, event_id, event_name, conversation_id, display_id, executed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (rule_id, event_id) DO NOTHING""")
                .params(accountId, ruleId, eventId, eventName, conversationId, displayId, Timestamp.from(at)).update() > 0;
    }

    public void complete(long ruleId, UUID eventId, boolean matched, String skippedReason, Object conditions, Object actions) {
        jdbc.sql("""
                        UPDATE automation_rule_executions SET matched = ?, skipped_reason = ?, conditions = ?::jsonb, actions = ?::jsonb
                        WHERE rule_id = ? AND event_id = ?""")
                .params(matched, skippedReason, json.write(conditions), json.write(actions), ruleId, eventId).update();
    }

    public List<Map<String, Object>> ofRule(long ruleId, int limit) {
        return jdbc.sql(SELECT + " WHERE e.rule_id = ? ORDER BY e.executed_at DESC, e.id DESC LIMIT ?").params(ruleId, limit)
                .query((rs, n) -> row(rs)).list();
    }

    public List<Map<String, Object>> ofConversation(long conversationId, int limit) {
        return jdbc.sql(SELECT + " WHERE e.conversation_id = ? ORDER BY e.executed_at DESC, e.id DESC LIMIT ?").params(conversationId, limit)
                .query((rs, n) -> row(rs)).list();
    }

    /** Per rule of the account: when it last ran (unix seconds) and how many runs matched since {@code since}. */
    public Map<Long, long[]> activity(long accountId, Instant since) {
        var result = new java.util.HashMap<Long, long[]>();
        jdbc.sql("""
                        SELECT rule_id, extract(epoch FROM max(executed_at))::bigint AS last_run,
                               count(*) FILTER (WHERE matched AND executed_at >= ?) AS matches
                        FROM automation_rule_executions WHERE account_id = ? GROUP BY rule_id""")
                .params(java.sql.Timestamp.from(since), accountId)
                .query(rs -> {
                    result.put(rs.getLong("rule_id"), new long[] {rs.getLong("last_run"), rs.getLong("matches")});
                });
        return result;
    }

    public int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM automation_rule_executions WHERE executed_at < ?").param(Timestamp.from(cutoff)).update();
    }

    private static final String SELECT = """
            SELECT e.id, e.rule_id, r.name AS rule_name, e.event_id, e.event_name, e.display_id, e.matched, e.skipped_reason, e.conditions,
                   e.actions, e.executed_at
            FROM automation_rule_executions e JOIN automation_rules r ON r.id = e.rule_id""";

    private Map<String, Object> row(java.sql.ResultSet rs) throws java.sql.SQLException {
        var row = new LinkedHashMap<String, Object>();
        row.put("id", rs.getLong("id"));
        row.put("rule_id", rs.getLong("rule_id"));
        row.put("rule_name", rs.getString("rule_name"));
        row.put("event_id", rs.getString("event_id"));
        row.put("event_name", rs.getString("event_name"));
        row.put("conversation_id", rs.getLong("display_id"));
        row.put("matched", rs.getBoolean("matched"));
        row.put("skipped_reason", rs.getString("skipped_reason"));
        row.put("conditions", json.readList(rs.getString("conditions")));
        row.put("actions", json.readList(rs.getString("actions")));
        row.put("executed_at", rs.getTimestamp("executed_at").toInstant().getEpochSecond());
        return row;
    }
}
