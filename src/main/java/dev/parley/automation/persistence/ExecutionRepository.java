package dev.parley.automation.persistence;

import dev.parley.shared.BatchedDelete;
import dev.parley.shared.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The explain log: one row per event ({@code automation_runs}), unique by event id, so that a redelivered
 * event cannot run its rules twice; the row holds every rule's evaluation, so the rows written per event
 * do not grow with the number of rules. Reads give one entry per rule and event, as the API shows them.
 */
@Repository
public class ExecutionRepository {

    /** One event, as logged. */
    public record EventRun(long accountId, UUID eventId, String eventName, long conversationId, long displayId, Instant at) {
    }

    /** One rule's part of an event run. */
    public record RuleEntry(long ruleId, Instant ruleUpdatedAt, boolean matched, String skippedReason, List<Map<String, Object>> conditions,
                            List<Map<String, Object>> actions) {
    }

    private final JdbcClient jdbc;
    private final JsonCodec json;

    public ExecutionRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Claims the event (an empty run); false when it was already claimed (a redelivery). */
    public boolean claim(EventRun run) {
        return insert(run, List.of(), null);
    }

    /** Claims the event and writes its whole log in one statement; false when it was already claimed. */
    public boolean record(EventRun run, List<RuleEntry> entries) {
        return insert(run, entries, null);
    }

    /** Logs that every rule of the event was skipped, for one reason, without an entry per rule. */
    public boolean recordSkipped(EventRun run, List<Long> ruleIds, String why) {
        return jdbc.sql(INSERT).params(run.accountId(), run.eventId(), run.eventName(), run.conversationId(), run.displayId(), array(ruleIds),
                "{}", why, "{}", Timestamp.from(run.at())).update() > 0;
    }

    /** What a claim that also checks the rules version found. */
    public enum Claim {
        /** The run is written (the event was not claimed before, and the rules used are the account's current ones). */
        CLAIMED,
        /** The event was claimed before (a redelivery): nothing written. */
        ALREADY_CLAIMED,
        /** The account's rules changed after the version the run used: nothing written; evaluate again with the current rules. */
        RULES_CHANGED
    }

    /** {@link #claim(EventRun)} that is refused when the account's rules are no longer at {@code rulesVersion}. */
    public Claim claim(EventRun run, long rulesVersion) {
        return insertAt(rulesVersion, run, List.of(), null);
    }

    /** {@link #record(EventRun, List)} that is refused when the account's rules are no longer at {@code rulesVersion}. */
    public Claim record(EventRun run, List<RuleEntry> entries, long rulesVersion) {
        return insertAt(rulesVersion, run, entries, null);
    }

    /** {@link #recordSkipped} that is refused when the account's rules are no longer at {@code rulesVersion}. */
    public Claim recordSkipped(EventRun run, List<Long> ruleIds, String why, long rulesVersion) {
        return insertAt(rulesVersion, run, ruleIds, why);
    }

    /**
     * The claim and the check of the rules version in one statement: the version is read by the statement that writes
     * the run, after the event committed, so a run is written only with the rules current when the event was handled
     * (a node's cached rules need no read of their own).
     */
    private Claim insertAt(long rulesVersion, EventRun run, List<?> entriesOrRuleIds, String why) {
        List<Long> ruleIds = why == null ? ids(entries(entriesOrRuleIds), false) : longs(entriesOrRuleIds);
        List<Long> matched = why == null ? ids(entries(entriesOrRuleIds), true) : List.of();
        String evaluations = why == null ? evaluations(entries(entriesOrRuleIds)) : "{}";
        return jdbc.sql(CHECKED_INSERT)
                .params(run.accountId(), run.accountId(), run.eventId(), run.eventName(), run.conversationId(), run.displayId(), array(ruleIds),
                        array(matched), why, evaluations, Timestamp.from(run.at()), rulesVersion, rulesVersion)
                .query((rs, i) -> !rs.getBoolean("current") ? Claim.RULES_CHANGED
                        : rs.getBoolean("claimed") ? Claim.CLAIMED : Claim.ALREADY_CLAIMED).single();
    }

    @SuppressWarnings("unchecked")
    private static List<RuleEntry> entries(List<?> list) {
        return (List<RuleEntry>) list;
    }

    @SuppressWarnings("unchecked")
    private static List<Long> longs(List<?> list) {
        return (List<Long>) list;
    }

    private static final String CHECKED_INSERT = """
            WITH rules AS (SELECT coalesce((SELECT version FROM automation_rule_versions WHERE account_id = ?), 0) AS version),
            claimed AS (
                INSERT INTO automation_runs (account_id, event_id, event_name, conversation_id, display_id, rule_ids, matched_rule_ids,
                    skipped_reason, evaluations, executed_at)
                SELECT ?::bigint, ?::uuid, ?::text, ?::bigint, ?::bigint, ?::bigint[], ?::bigint[], ?::text, ?::jsonb, ?::timestamptz
                FROM rules WHERE rules.version = ?::bigint
                ON CONFLICT (event_id) DO NOTHING RETURNING 1)
            SELECT (SELECT version FROM rules) = ?::bigint AS current, EXISTS (SELECT 1 FROM claimed) AS claimed""";

    /** A run to log where no action is due: its rules' entries, or (with {@code why}) the ids of rules all skipped for one reason. */
    public record Unclaimed(EventRun run, List<RuleEntry> entries, List<Long> skippedRuleIds, String why) {
    }

    /**
     * Claims and logs many runs where no action is due in one statement (an event claimed before keeps its row): the
     * explain log of a reactor batch's events that matched no rule, one insert instead of one per event.
     */
    public int recordAll(List<Unclaimed> runs) {
        if (runs.isEmpty()) return 0;
        int n = runs.size();
        Long[] accounts = new Long[n];
        String[] eventIds = new String[n];
        String[] names = new String[n];
        Long[] conversations = new Long[n];
        Long[] displayIds = new Long[n];
        String[] ruleIds = new String[n];
        String[] matched = new String[n];
        String[] why = new String[n];
        String[] evaluations = new String[n];
        String[] at = new String[n];
        for (int i = 0; i < n; i++) {
            Unclaimed u = runs.get(i);
            EventRun run = u.run();
            accounts[i] = run.accountId();
            eventIds[i] = run.eventId().toString();
            names[i] = run.eventName();
            conversations[i] = run.conversationId();
            displayIds[i] = run.displayId();
            ruleIds[i] = array(u.why() != null ? u.skippedRuleIds() : ids(u.entries(), false));
            matched[i] = array(u.why() != null ? List.of() : ids(u.entries(), true));
            why[i] = u.why();
            evaluations[i] = u.why() != null ? "{}" : evaluations(u.entries());
            at[i] = run.at().toString();
        }
        return jdbc.sql("""
                        INSERT INTO automation_runs (account_id, event_id, event_name, conversation_id, display_id, rule_ids, matched_rule_ids,
                            skipped_reason, evaluations, executed_at)
                        SELECT a, e::uuid, n, c, d, r::bigint[], m::bigint[], w, v::jsonb, t::timestamptz
                        FROM unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                            AS u(a, e, n, c, d, r, m, w, v, t)
                        ON CONFLICT (event_id) DO NOTHING""")
                .params(accounts, eventIds, names, conversations, displayIds, ruleIds, matched, why, evaluations, at).update();
    }

    /** The rules version of each of these accounts (0 for an account that never had a rule). */
    public Map<Long, Long> rulesVersions(List<Long> accountIds) {
        Map<Long, Long> versions = new HashMap<>();
        jdbc.sql("SELECT account_id, version FROM automation_rule_versions WHERE account_id = ANY(?)")
                .param(accountIds.toArray(Long[]::new))
                .query(rs -> { versions.put(rs.getLong(1), rs.getLong(2)); });
        return versions;
    }

    /** Adds to an event's log what the timer that fired the rule went through (armed, moved, due). */
    public void describeTimer(UUID eventId, Map<String, Object> timer) {
        jdbc.sql("UPDATE automation_runs SET timer = ?::jsonb WHERE event_id = ?").params(json.write(timer), eventId).update();
    }

    /** Writes the log of a claimed event. */
    public void complete(UUID eventId, List<RuleEntry> entries) {
        jdbc.sql("UPDATE automation_runs SET rule_ids = ?::bigint[], matched_rule_ids = ?::bigint[], evaluations = ?::jsonb WHERE event_id = ?")
                .params(array(ids(entries, false)), array(ids(entries, true)), evaluations(entries), eventId).update();
    }

    private boolean insert(EventRun run, List<RuleEntry> entries, String why) {
        return jdbc.sql(INSERT).params(run.accountId(), run.eventId(), run.eventName(), run.conversationId(), run.displayId(),
                array(ids(entries, false)), array(ids(entries, true)), why, evaluations(entries), Timestamp.from(run.at())).update() > 0;
    }

    private static final String INSERT = """
            INSERT INTO automation_runs (account_id, event_id, event_name, conversation_id, display_id, rule_ids, matched_rule_ids,
                skipped_reason, evaluations, executed_at)
            VALUES (?, ?, ?, ?, ?, ?::bigint[], ?::bigint[], ?, ?::jsonb, ?) ON CONFLICT (event_id) DO NOTHING""";

    public List<Map<String, Object>> ofRule(long ruleId, int limit) {
        return jdbc.sql("""
                        SELECT r.id, r.event_id, r.event_name, r.display_id, r.skipped_reason, r.executed_at, r.timer,
                               jsonb_build_array(r.evaluations -> ?, r.evaluations -> '_values') AS entry,
                               ru.name AS rule_name, ru.conditions AS rule_conditions, ru.updated_at AS rule_updated_at
                        FROM automation_runs r JOIN automation_rules ru ON ru.id = ?
                        WHERE r.rule_ids @> ?::bigint[] ORDER BY r.executed_at DESC, r.id DESC LIMIT ?""")
                .params(Long.toString(ruleId), ruleId, array(List.of(ruleId)), limit)
                .query((rs, n) -> {
                    List<Object> entryAndValues = json.readList(rs.getString("entry"));
                    Map<String, Object> entry = RunLog.decode(entryAndValues.get(0), values(entryAndValues.get(1)),
                            conditions(rs.getString("rule_conditions")), rs.getTimestamp("rule_updated_at").toInstant());
                    return row(rs.getLong("id"), ruleId, rs.getString("rule_name"), rs.getString("event_id"), rs.getString("event_name"),
                            rs.getLong("display_id"), rs.getString("skipped_reason"), rs.getTimestamp("executed_at"), entry, rs.getString("timer"));
                }).list();
    }

    /** The conversation's log, newest first; within one event the rules in reverse order of running. */
    public List<Map<String, Object>> ofConversation(long conversationId, int limit) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<RunRow> runs = jdbc.sql("""
                        SELECT id, event_id, event_name, display_id, skipped_reason, executed_at, rule_ids::text AS rule_ids, evaluations, timer
                        FROM automation_runs WHERE conversation_id = ? ORDER BY executed_at DESC, id DESC LIMIT ?""")
                .params(conversationId, limit).query((rs, n) -> new RunRow(rs, parseIds(rs.getString("rule_ids")))).list();
        List<Long> allIds = runs.stream().flatMap(r -> r.ruleIds().stream()).distinct().toList();
        Map<Long, RuleFacts> rules = new HashMap<>();
        if (!allIds.isEmpty()) {
            jdbc.sql("SELECT id, name, conditions, updated_at FROM automation_rules WHERE id = ANY(?::bigint[])").param(array(allIds))
                    .query(rs -> {
                        rules.put(rs.getLong("id"), new RuleFacts(rs.getString("name"), conditions(rs.getString("conditions")),
                                rs.getTimestamp("updated_at").toInstant()));
                    });
        }
        for (RunRow run : runs) {
            Map<String, Object> evaluations = json.readMap(run.evaluations());
            List<Object> values = values(evaluations.get(RunLog.VALUES));
            for (int i = run.ruleIds().size() - 1; i >= 0 && rows.size() < limit; i--) {
                RuleFacts rule = rules.get(run.ruleIds().get(i));
                if (rule == null) continue; // the rule was deleted since
                Map<String, Object> entry = RunLog.decode(evaluations.get(Long.toString(run.ruleIds().get(i))), values, rule.conditions(),
                        rule.updatedAt());
                rows.add(run.row(this, run.ruleIds().get(i), rule.name(), entry));
            }
        }
        return rows;
    }

    /** Per rule of the account: when it last ran (unix seconds) and how many runs matched since {@code since}. */
    public Map<Long, long[]> activity(long accountId, Instant since) {
        var result = new HashMap<Long, long[]>();
        jdbc.sql("""
                        SELECT u.rule_id, extract(epoch FROM max(r.executed_at))::bigint AS last_run,
                               count(*) FILTER (WHERE u.rule_id = ANY(r.matched_rule_ids) AND r.executed_at >= ?) AS matches
                        FROM automation_runs r CROSS JOIN LATERAL unnest(r.rule_ids) AS u(rule_id)
                        WHERE r.account_id = ? GROUP BY u.rule_id""")
                .params(Timestamp.from(since), accountId)
                .query(rs -> { result.put(rs.getLong("rule_id"), new long[] {rs.getLong("last_run"), rs.getLong("matches")}); });
        return result;
    }

    public long deleteOlderThan(Instant cutoff) {
        return BatchedDelete.rowsBefore(jdbc, "automation_runs", "executed_at", cutoff);
    }

    private record RunRow(long id, String eventId, String eventName, long displayId, String skippedReason, Timestamp executedAt,
                          List<Long> ruleIds, String evaluations, String timer) {
        RunRow(ResultSet rs, List<Long> ruleIds) throws SQLException {
            this(rs.getLong("id"), rs.getString("event_id"), rs.getString("event_name"), rs.getLong("display_id"),
                    rs.getString("skipped_reason"), rs.getTimestamp("executed_at"), ruleIds, rs.getString("evaluations"), rs.getString("timer"));
        }

        Map<String, Object> row(ExecutionRepository repo, long ruleId, String ruleName, Map<String, Object> entry) {
            return repo.row(id, ruleId, ruleName, eventId, eventName, displayId, skippedReason, executedAt, entry, timer);
        }
    }

    private record RuleFacts(String name, List<Map<String, Object>> conditions, Instant updatedAt) {
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> conditions(String raw) {
        return (List<Map<String, Object>>) (List<?>) json.readList(raw);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> values(Object values) {
        return values instanceof List<?> list ? (List<Object>) list : List.of();
    }

    private Map<String, Object> row(long id, long ruleId, String ruleName, String eventId, String eventName, long displayId,
                                    String runSkippedReason, Timestamp executedAt, Map<String, Object> entry, String timer) {
        var row = new LinkedHashMap<String, Object>();
        row.put("id", id);
        row.put("rule_id", ruleId);
        row.put("rule_name", ruleName);
        row.put("event_id", eventId);
        row.put("event_name", eventName);
        row.put("conversation_id", displayId);
        row.put("matched", Boolean.TRUE.equals(entry.get("matched")));
        row.put("skipped_reason", entry.get("skipped_reason") != null ? entry.get("skipped_reason") : runSkippedReason);
        row.put("conditions", entry.getOrDefault("conditions", List.of()));
        row.put("actions", entry.getOrDefault("actions", List.of()));
        row.put("executed_at", executedAt.toInstant().getEpochSecond());
        if (timer != null) row.put("timer", json.readMap(timer)); // the run was a delayed rule's, fired by this timer
        return row;
    }

    private String evaluations(List<RuleEntry> entries) {
        return json.write(RunLog.encode(entries));
    }

    private static List<Long> ids(List<RuleEntry> entries, boolean matchedOnly) {
        return entries.stream().filter(e -> !matchedOnly || e.matched()).map(RuleEntry::ruleId).toList();
    }

    private static String array(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static List<Long> parseIds(String array) {
        String inner = array.substring(1, array.length() - 1);
        if (inner.isEmpty()) return List.of();
        List<Long> ids = new ArrayList<>();
        for (String part : inner.split(",")) ids.add(Long.parseLong(part));
        return ids;
    }
}
