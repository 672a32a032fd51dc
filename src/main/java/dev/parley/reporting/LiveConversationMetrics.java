package dev.parley.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chatwoot's live conversation metrics (GET /api/v2/accounts/{a}/reports/conversations): the open conversations
 * right now, how many of them wait for a reply (never answered, or the customer wrote last) and, for the
 * account, how many have no assignee. Read from the conversations themselves, not from reporting facts.
 */
@Service
@Transactional(readOnly = true)
public class LiveConversationMetrics {

    private static final String COUNTS = """
            SELECT count(*) AS open,
                   count(*) FILTER (WHERE first_reply_created_at IS NULL OR waiting_since IS NOT NULL) AS unattended,
                   count(*) FILTER (WHERE assignee_id IS NULL) AS unassigned
            FROM conversations WHERE account_id = :account AND status = 'open'""";

    private final JdbcClient jdbc;

    public LiveConversationMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {open, unattended, unassigned} for the whole account. */
    public Map<String, Long> account(long accountId) {
        return jdbc.sql(COUNTS).param("account", accountId).query((rs, n) -> {
            var metric = new LinkedHashMap<String, Long>();
            metric.put("open", rs.getLong("open"));
            metric.put("unattended", rs.getLong("unattended"));
            metric.put("unassigned", rs.getLong("unassigned"));
            return (Map<String, Long>) metric;
        }).single();
    }

    /** {open, unattended} of the conversations assigned to each of the given users, keyed by user id. */
    public Map<Long, Map<String, Long>> perAssignee(long accountId, List<Long> userIds) {
        var result = new LinkedHashMap<Long, Map<String, Long>>();
        for (Long id : userIds) result.put(id, new LinkedHashMap<>(Map.of("open", 0L, "unattended", 0L)));
        if (userIds.isEmpty()) return result;
        jdbc.sql(COUNTS.replace("count(*) FILTER (WHERE assignee_id IS NULL) AS unassigned", "assignee_id")
                        + " AND assignee_id IN (:users) GROUP BY assignee_id")
                .param("account", accountId).param("users", userIds)
                .query((rs, n) -> {
                    var metric = new LinkedHashMap<String, Long>();
                    metric.put("open", rs.getLong("open"));
                    metric.put("unattended", rs.getLong("unattended"));
                    return result.put(rs.getLong("assignee_id"), metric);
                }).list();
        return result;
    }
}
