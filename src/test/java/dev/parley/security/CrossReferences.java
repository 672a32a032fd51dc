package dev.parley.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of one account that point at another account's inbox, contact, team, conversation or people:
 * what a request made in account B with account A's ids must never leave behind, even when it is
 * stored under B's account id (where a snapshot of A would not see it).
 */
final class CrossReferences {

    private final JdbcClient jdbc;

    CrossReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per table, how many rows of {@code owner} reference something of {@code other} (only tables with such rows). */
    Map<String, Long> of(long owner, long other, List<Long> otherPeople) {
        String people = otherPeople.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
        Map<String, String> othersIds = Map.of(
                "inbox_id", "(SELECT id FROM inboxes WHERE account_id = " + other + ")",
                "contact_id", "(SELECT id FROM contacts WHERE account_id = " + other + ")",
                "team_id", "(SELECT id FROM teams WHERE account_id = " + other + ")",
                "conversation_id", "(SELECT id FROM conversations WHERE account_id = " + other + ")",
                "user_id", people,
                "assignee_id", people);
        var found = new java.util.TreeMap<String, Long>();
        for (String table : jdbc.sql("SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = current_schema()")
                .query(String.class).list()) {
            Set<String> columns = jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?")
                    .param(table).query(String.class).set();
            String scope = scope(columns, owner);
            if (scope == null) continue;
            var references = new ArrayList<String>();
            for (var e : othersIds.entrySet()) {
                if (columns.contains(e.getKey()) && !scope.startsWith(e.getKey())) references.add(e.getKey() + " IN " + e.getValue());
            }
            if (references.isEmpty()) continue;
            long rows = jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + scope + " AND (" + String.join(" OR ", references) + ")")
                    .query(Long.class).single();
            if (rows > 0) found.put(table, rows);
        }
        return found;
    }

    private static String scope(Set<String> columns, long owner) {
        if (columns.contains("account_id")) return "account_id = " + owner;
        if (columns.contains("inbox_id")) return "inbox_id IN (SELECT id FROM inboxes WHERE account_id = " + owner + ")";
        if (columns.contains("team_id")) return "team_id IN (SELECT id FROM teams WHERE account_id = " + owner + ")";
        if (columns.contains("contact_id")) return "contact_id IN (SELECT id FROM contacts WHERE account_id = " + owner + ")";
        return null;
    }
}
