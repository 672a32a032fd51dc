package dev.parley.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of the application's data as the suite's accounts see it: per table, the md5 of the
 * versions ({@code ctid}, {@code xmin}) of its rows that belong to those accounts (any committed
 * insert, update or delete changes it; a rolled-back write does not), plus the global row counts of the tenancy
 * tables (so a refused request cannot create an account or user elsewhere unseen).
 *
 * <p>Rows belong to an account through an {@code account_id} column, or through their inbox, team or
 * contact. Left out, because they change with no client-visible state change: Spring Modulith's
 * {@code event_publication} registry (completion times), Flyway's history, {@code rate_limit_buckets}
 * (a refused sign-in must count against its limit: that change is the point), the attachment store's
 * {@code attachment_pending_keys} (bookkeeping of bytes written before a commit, swept when orphaned),
 * the presence columns the heartbeat sweep moves ({@code last_heartbeat_at}, {@code online},
 * {@code changed_at}) and the delivery worker's columns of {@code webhook_deliveries} (attempts,
 * status, next try): a delivery row itself is still compared, so a refused request that queued a
 * delivery is seen. A table this
 * class does not know how to scope fails the test, so a new table is a decision, not a blind spot.
 */
final class DataSnapshot {

    private static final Set<String> IGNORED = Set.of("event_publication", "flyway_schema_history", "rate_limit_buckets",
            "attachment_pending_keys", "event_log", "reactor_cursors", "reactor_failures");
    /** Installation-wide tables, compared whole. */
    private static final Set<String> WHOLE = Set.of("attachment_secrets", "widget_secrets");
    private static final Map<String, String> COLUMNS = Map.of(
            "agent_presence", "account_id, user_id, availability, auto_offline",
            "webhook_deliveries", "id, account_id, webhook_id, event, payload");
    private static final List<String> GLOBAL_COUNTS = List.of("accounts", "users", "account_users");

    private final JdbcClient jdbc;
    private final String accounts;

    private final boolean globalCounts;

    /**
     * @param globalCounts also count every account's users and memberships: right when the requests
     *                     judged may only fail (the fuzz), wrong when another account legitimately
     *                     adds people of its own meanwhile (the cross-account test)
     */
    DataSnapshot(JdbcClient jdbc, List<Long> accountIds, boolean globalCounts) {
        this.jdbc = jdbc;
        this.globalCounts = globalCounts;
        this.accounts = "ARRAY" + accountIds + "::bigint[]";
    }

    private Map<String, String> queries;

    Map<String, String> take() {
        if (queries == null) queries = queries();
        var fingerprint = new TreeMap<String, String>();
        queries.forEach((table, sql) -> fingerprint.put(table, jdbc.sql(sql).query(String.class).single()));
        for (String table : globalCounts ? GLOBAL_COUNTS : List.<String>of()) {
            fingerprint.put(table + " (all accounts, count)", jdbc.sql("SELECT count(*) FROM " + table).query(String.class).single());
        }
        return fingerprint;
    }

    /** Per table, the query of its fingerprint (built once: the schema does not change during a run). */
    private Map<String, String> queries() {
        var sql = new TreeMap<String, String>();
        for (String table : tables()) {
            // a row's version (ctid, xmin) changes with every committed write of it and costs nothing to read, even for
            // rows holding 100 KB values that accepted requests stored; the tables background work touches compare columns
            String row = COLUMNS.containsKey(table) ? "ROW(" + COLUMNS.get(table) + ")::text" : "t.ctid::text || ':' || t.xmin::text";
            sql.put(table, "SELECT md5(coalesce(string_agg(r, '|' ORDER BY r), '')) FROM (SELECT " + row + " AS r FROM "
                    + table + " t WHERE " + scope(table) + ") rows");
        }
        return sql;
    }

    private List<String> tables() {
        return jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1")
                .query(String.class).list().stream().filter(t -> !IGNORED.contains(t)).toList();
    }

    private String scope(String table) {
        var columns = jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?")
                .param(table).query(String.class).set();
        if (WHOLE.contains(table)) return "TRUE";
        if (table.equals("accounts")) return "t.id = ANY(" + accounts + ")";
        if (table.equals("users")) return "t.id IN (SELECT user_id FROM account_users WHERE account_id = ANY(" + accounts + "))";
        if (columns.contains("account_id")) return "t.account_id = ANY(" + accounts + ")";
        if (columns.contains("inbox_id")) return "t.inbox_id IN (SELECT id FROM inboxes WHERE account_id = ANY(" + accounts + "))";
        if (columns.contains("team_id")) return "t.team_id IN (SELECT id FROM teams WHERE account_id = ANY(" + accounts + "))";
        if (columns.contains("contact_id")) return "t.contact_id IN (SELECT id FROM contacts WHERE account_id = ANY(" + accounts + "))";
        if (columns.contains("contact_inbox_id")) { // the website widget's stream tables
            return "t.contact_inbox_id IN (SELECT ci.id FROM contact_inboxes ci JOIN inboxes i ON i.id = ci.inbox_id WHERE i.account_id = ANY("
                    + accounts + "))";
        }
        if (columns.contains("user_id")) { // a person's rows (password links) belong to the accounts the person is in
            return "t.user_id IN (SELECT user_id FROM account_users WHERE account_id = ANY(" + accounts + "))";
        }
        throw new AssertionError("DataSnapshot does not know which account owns the rows of table " + table + "; decide and add it");
    }

    /** The tables whose fingerprint differs between two snapshots. */
    static List<String> differences(Map<String, String> before, Map<String, String> after) {
        return after.keySet().stream().filter(k -> !after.get(k).equals(before.get(k))).toList();
    }
}
