package dev.parley.sla;

import dev.parley.shared.JsonCodec;
import dev.parley.shared.NodeCache;
import dev.parley.shared.NodeCaches;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of policies, applied SLAs and breaches. */
@Component
class SlaStore {

    private static final String POLICY = """
            id, account_id, name, description, first_response_time_threshold, next_response_time_threshold, resolution_time_threshold,
            only_during_business_hours, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final JsonCodec json;
    /** Whether an account has any SLA policy, per node; only a new policy turns it on (see {@link #insert}). */
    private final NodeCache<Boolean> hasPolicies;

    SlaStore(JdbcClient jdbc, JsonCodec json, NodeCaches nodeCaches) {
        this.jdbc = jdbc;
        this.json = json;
        this.hasPolicies = nodeCaches.cache("sla-policies");
    }

    /**
     * Whether the account has an SLA policy (else no conversation of it has an SLA applied), remembered per node: a
     * message in an account without policies costs no read. A new policy is announced to every node by its insert.
     */
    boolean anyPolicy(long accountId) {
        return hasPolicies.get(accountId, id -> jdbc.sql("SELECT EXISTS (SELECT 1 FROM sla_policies WHERE account_id = ?)").param(id)
                .query(Boolean.class).single());
    }

    List<SlaPolicyView> policies(long accountId) {
        return jdbc.sql("SELECT " + POLICY + " FROM sla_policies WHERE account_id = ? ORDER BY id").param(accountId).query(SlaStore::policy).list();
    }

    Optional<SlaPolicyView> policy(long accountId, long id) {
        return jdbc.sql("SELECT " + POLICY + " FROM sla_policies WHERE account_id = ? AND id = ?").params(accountId, id)
                .query(SlaStore::policy).optional();
    }

    long insert(long accountId, SlaPolicyInput in, Instant now) {
        hasPolicies.changed(accountId);
        return jdbc.sql("""
                        INSERT INTO sla_policies (account_id, name, description, first_response_time_threshold, next_response_time_threshold,
                            resolution_time_threshold, only_during_business_hours, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(accountId, in.name(), in.description(), in.firstResponseTimeThreshold(), in.nextResponseTimeThreshold(),
                        in.resolutionTimeThreshold(), Boolean.TRUE.equals(in.onlyDuringBusinessHours()), ts(now), ts(now))
                .query(Long.class).single();
    }

    void update(SlaPolicyView p, Instant now) {
        jdbc.sql("""
                        UPDATE sla_policies SET name = ?, description = ?, first_response_time_threshold = ?, next_response_time_threshold = ?,
                            resolution_time_threshold = ?, only_during_business_hours = ?, updated_at = ? WHERE id = ?""")
                .params(p.name(), p.description(), p.firstResponseTimeThreshold(), p.nextResponseTimeThreshold(), p.resolutionTimeThreshold(),
                        p.onlyDuringBusinessHours(), ts(now), p.id())
                .update();
    }

    void delete(long accountId, long id) {
        hasPolicies.changed(accountId);
        jdbc.sql("DELETE FROM sla_policies WHERE account_id = ? AND id = ?").params(accountId, id).update();
    }

    /** Applies the policy unless the conversation has one already; the new applied SLA's id, or empty. */
    Optional<Long> apply(long accountId, long conversationId, long policyId, Instant now) {
        return jdbc.sql("""
                        INSERT INTO applied_slas (account_id, sla_policy_id, conversation_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (conversation_id) DO NOTHING RETURNING id""")
                .params(accountId, policyId, conversationId, ts(now), ts(now)).query(Long.class).optional();
    }

    Optional<AppliedSlaView> applied(long conversationId) {
        return applied(List.of(conversationId)).stream().findFirst();
    }

    /** The applied SLAs of these conversations, with their policies, in one query. */
    List<AppliedSlaView> applied(List<Long> conversationIds) {
        if (conversationIds.isEmpty()) return List.of();
        return jdbc.sql("SELECT a.id AS applied_id, a.conversation_id, a.sla_status, a.created_at AS applied_at, a.updated_at AS applied_updated_at, "
                        + POLICY.replace("id, account_id", "p.id, p.account_id").replace("created_at, updated_at", "p.created_at, p.updated_at")
                        + " FROM applied_slas a JOIN sla_policies p ON p.id = a.sla_policy_id WHERE a.conversation_id = ANY (?)")
                .param(conversationIds.toArray(Long[]::new))
                .query((rs, n) -> new AppliedSlaView(rs.getLong("applied_id"), rs.getLong("account_id"), rs.getLong("conversation_id"),
                        policy(rs, n), rs.getString("sla_status"), instant(rs, "applied_at"), instant(rs, "applied_updated_at")))
                .list();
    }

    /** Records a breach once per timer; false when this timer's breach was recorded already. */
    boolean recordBreach(AppliedSlaView applied, long inboxId, Long assigneeId, Long teamId, String type, long timerId, Instant dueAt,
                         Map<String, Object> meta, Instant now) {
        boolean recorded = jdbc.sql("""
                        INSERT INTO sla_events (account_id, applied_sla_id, sla_policy_id, conversation_id, inbox_id, assignee_id, team_id,
                            event_type, timer_id, due_at, meta, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (timer_id) DO NOTHING""")
                .params(applied.accountId(), applied.id(), applied.policy().id(), applied.conversationId(), inboxId, assigneeId, teamId, type,
                        timerId, ts(dueAt), json.write(meta), ts(now))
                .update() > 0;
        if (recorded) {
            jdbc.sql("UPDATE applied_slas SET sla_status = 'active_with_misses', updated_at = ? WHERE id = ?").params(ts(now), applied.id()).update();
        }
        return recorded;
    }

    /** At resolution: hit when nothing was missed, missed otherwise. */
    void settle(long appliedId, Instant now) {
        jdbc.sql("""
                        UPDATE applied_slas SET sla_status = CASE WHEN sla_status = 'active' THEN 'hit' ELSE 'missed' END, updated_at = ?
                        WHERE id = ? AND sla_status IN ('active', 'active_with_misses')""")
                .params(ts(now), appliedId).update();
    }

    /** The breaches of these conversations, oldest first, in one query. */
    List<SlaEventView> events(List<Long> conversationIds) {
        if (conversationIds.isEmpty()) return List.of();
        return jdbc.sql("""
                        SELECT id, applied_sla_id, sla_policy_id, conversation_id, inbox_id, assignee_id, team_id, event_type, due_at, meta, created_at
                        FROM sla_events WHERE conversation_id = ANY (?) ORDER BY id""")
                .param(conversationIds.toArray(Long[]::new))
                .query((rs, n) -> new SlaEventView(rs.getLong("id"), rs.getLong("applied_sla_id"), rs.getLong("sla_policy_id"),
                        rs.getLong("conversation_id"), rs.getLong("inbox_id"), (Long) rs.getObject("assignee_id"), (Long) rs.getObject("team_id"),
                        rs.getString("event_type"), instant(rs, "due_at"), json.readMap(rs.getString("meta")), instant(rs, "created_at")))
                .list();
    }

    /** Breaches between the two instants grouped by assignee_id, team_id or inbox_id (the column named). */
    List<BreachCount> breachesBy(long accountId, String column, Instant since, Instant until) {
        return jdbc.sql("SELECT " + column + " AS id, count(*) AS breaches, count(*) FILTER (WHERE event_type = 'frt') AS frt,"
                        + " count(*) FILTER (WHERE event_type = 'nrt') AS nrt, count(*) FILTER (WHERE event_type = 'rt') AS rt"
                        + " FROM sla_events WHERE account_id = ? AND created_at >= ? AND created_at < ? GROUP BY " + column + " ORDER BY 2 DESC, 1")
                .params(accountId, ts(since), ts(until))
                .query((rs, n) -> new BreachCount((Long) rs.getObject("id"), rs.getLong("breaches"), rs.getLong("frt"), rs.getLong("nrt"),
                        rs.getLong("rt")))
                .list();
    }

    /** Chatwoot's metrics: SLAs applied in the range and breaches among them. */
    long[] metrics(long accountId, Instant since, Instant until) {
        return jdbc.sql("""
                        SELECT count(*) AS applied, count(*) FILTER (WHERE sla_status IN ('missed', 'active_with_misses')) AS missed
                        FROM applied_slas WHERE account_id = ? AND created_at >= ? AND created_at < ?""")
                .params(accountId, ts(since), ts(until)).query((rs, n) -> new long[] {rs.getLong("applied"), rs.getLong("missed")}).single();
    }

    private static SlaPolicyView policy(ResultSet rs, int row) throws SQLException {
        return new SlaPolicyView(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"), rs.getString("description"),
                (Double) rs.getObject("first_response_time_threshold"), (Double) rs.getObject("next_response_time_threshold"),
                (Double) rs.getObject("resolution_time_threshold"), rs.getBoolean("only_during_business_hours"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
