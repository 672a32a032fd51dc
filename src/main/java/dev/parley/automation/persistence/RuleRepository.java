package dev.parley.automation.persistence;

import dev.parley.automation.AutomationRuleView;
import dev.parley.shared.JsonCodec;
import dev.parley.shared.NodeCache;
import dev.parley.shared.NodeCaches;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Automation rules in PostgreSQL. */
@Repository
public class RuleRepository {

    private static final String COLUMNS = """
            id, account_id, name, description, event_name, conditions, actions, active, position, stop_processing, runtime_error_count,
            disabled_reason, created_at, updated_at, execution_delay""";
    /** Parley's order: position (unset last), then creation. */
    private static final String ORDER = " ORDER BY position NULLS LAST, id";

    private final JdbcClient jdbc;
    private final JsonCodec json;
    /** Each account's rules version as this node last read it, forgotten on every node by each change written here. */
    private final NodeCache<Long> versions;

    public RuleRepository(JdbcClient jdbc, JsonCodec json, NodeCaches nodeCaches) {
        this.jdbc = jdbc;
        this.json = json;
        this.versions = nodeCaches.cache("automation-rules-version");
    }

    public AutomationRuleView insert(AutomationRuleView r) {
        versions.changed(r.accountId());
        long id = jdbc.sql("""
                        INSERT INTO automation_rules (account_id, name, description, event_name, conditions, actions, active, position,
                            stop_processing, execution_delay)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?) RETURNING id""")
                .params(r.accountId(), r.name(), r.description(), r.eventName(), json.write(r.conditions()), json.write(r.actions()),
                        r.active(), r.position(), r.stopProcessing(), r.executionDelay())
                .query(Long.class).single();
        return find(r.accountId(), id).orElseThrow();
    }

    public void update(AutomationRuleView r) {
        versions.changed(r.accountId());
        jdbc.sql("""
                        UPDATE automation_rules SET name = ?, description = ?, event_name = ?, conditions = ?::jsonb, actions = ?::jsonb,
                            active = ?, position = ?, stop_processing = ?, runtime_error_count = ?, disabled_reason = ?, execution_delay = ?,
                            updated_at = now()
                        WHERE id = ?""")
                .params(r.name(), r.description(), r.eventName(), json.write(r.conditions()), json.write(r.actions()), r.active(),
                        r.position(), r.stopProcessing(), r.runtimeErrorCount(), r.disabledReason(), r.executionDelay(), r.id())
                .update();
    }

    public Optional<AutomationRuleView> find(long accountId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM automation_rules WHERE account_id = ? AND id = ?").params(accountId, id)
                .query(this::rule).optional();
    }

    public List<AutomationRuleView> all(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM automation_rules WHERE account_id = ?" + ORDER).param(accountId).query(this::rule).list();
    }

    public List<AutomationRuleView> activeFor(long accountId, String eventName) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM automation_rules WHERE account_id = ? AND event_name = ? AND active" + ORDER)
                .params(accountId, eventName).query(this::rule).list();
    }

    /** Every active rule of the account, in running order. */
    public List<AutomationRuleView> allActive(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM automation_rules WHERE account_id = ? AND active" + ORDER).param(accountId)
                .query(this::rule).list();
    }

    /**
     * The account's rules version as this node knows it without a read: every change to an account's rules is
     * announced to every node ({@link NodeCache}), by this repository and by the trigger that bumps the version (so a
     * change written around it, in straight SQL, too); a rule run's claim also checks the version it ran with
     * ({@link #versionMoved}).
     */
    public long knownVersion(long accountId) {
        return versions.get(accountId, this::version);
    }

    /** A check found the account's rules at another version than this node knew: every node forgets the one it knows. */
    public void versionMoved(long accountId) {
        versions.changed(accountId);
    }

    /** The account's rules version, bumped by a trigger in the transaction of every change to its rules; 0 before any. */
    public long version(long accountId) {
        return jdbc.sql("SELECT version FROM automation_rule_versions WHERE account_id = ?").param(accountId).query(Long.class).optional()
                .orElse(0L);
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM automation_rules WHERE id = ? RETURNING account_id").param(id).query(Long.class).optional()
                .ifPresent(versions::changed);
    }

    /** Counts a runtime validation failure; at two, switches the rule off with the reason. Returns the new count. */
    public int recordRuntimeError(long accountId, long id, String reason) {
        versions.changed(accountId);
        return jdbc.sql("""
                        UPDATE automation_rules SET runtime_error_count = runtime_error_count + 1,
                            active = CASE WHEN runtime_error_count + 1 >= 2 THEN false ELSE active END,
                            disabled_reason = CASE WHEN runtime_error_count + 1 >= 2 THEN ? ELSE disabled_reason END
                        WHERE id = ? RETURNING runtime_error_count""")
                .params("switched off after its conditions failed validation twice: " + reason, id).query(Integer.class).single();
    }

    @SuppressWarnings("unchecked")
    private AutomationRuleView rule(ResultSet rs, int row) throws SQLException {
        List<Map<String, Object>> conditions = (List<Map<String, Object>>) (List<?>) json.readList(rs.getString("conditions"));
        List<Map<String, Object>> actions = (List<Map<String, Object>>) (List<?>) json.readList(rs.getString("actions"));
        return new AutomationRuleView(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"), rs.getString("description"),
                rs.getString("event_name"), conditions, actions, rs.getBoolean("active"), (Integer) rs.getObject("position"),
                rs.getBoolean("stop_processing"), rs.getInt("runtime_error_count"), rs.getString("disabled_reason"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), (Integer) rs.getObject("execution_delay"));
    }
}
