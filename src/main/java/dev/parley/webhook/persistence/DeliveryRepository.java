package dev.parley.webhook.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The durable delivery queue. */
@Repository
public class DeliveryRepository {

    private final JdbcClient jdbc;

    public DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a delivery once per source event and URL; returns false for a redelivered event. */
    public boolean enqueue(Delivery d) {
        return jdbc.sql("""
                        INSERT INTO webhook_deliveries (id, account_id, webhook_id, url, secret, event, payload, next_attempt_at, created_at,
                            source_event_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_event_id, url) DO NOTHING""")
                .params(d.id(), d.accountId(), d.webhookId(), d.url(), d.secret(), d.event(), d.payload(), Timestamp.from(d.createdAt()),
                        Timestamp.from(d.createdAt()), d.sourceEventId())
                .update() > 0;
    }

    /** Due deliveries, locked for this transaction; other nodes skip them. */
    public List<Delivery> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id, account_id, webhook_id, url, secret, event, payload, attempts, created_at, source_event_id
                        FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
                        ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(Timestamp.from(now), limit).query(DeliveryRepository::delivery).list();
    }

    public void delivered(UUID id, int statusCode, Instant at) {
        jdbc.sql("UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_status_code = ?, last_error = NULL, delivered_at = ? WHERE id = ?")
                .params(statusCode, Timestamp.from(at), id).update();
    }

    public void retryLater(UUID id, Integer statusCode, String error, Instant next, boolean giveUp) {
        jdbc.sql("UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = ?, last_error = ?, next_attempt_at = ?, status = ? WHERE id = ?")
                .params(statusCode, error, Timestamp.from(next), giveUp ? "failed" : "pending", id).update();
    }

    public List<Map<String, Object>> ofWebhook(long webhookId, int limit) {
        return jdbc.sql("""
                        SELECT id, event, status, attempts, last_status_code, last_error, created_at, delivered_at, next_attempt_at
                        FROM webhook_deliveries WHERE webhook_id = ? ORDER BY created_at DESC LIMIT ?""")
                .params(webhookId, limit).query((rs, n) -> {
                    var row = new LinkedHashMap<String, Object>();
                    row.put("id", rs.getString("id"));
                    row.put("event", rs.getString("event"));
                    row.put("status", rs.getString("status"));
                    row.put("attempts", rs.getInt("attempts"));
                    row.put("last_status_code", rs.getObject("last_status_code"));
                    row.put("last_error", rs.getString("last_error"));
                    row.put("created_at", seconds(rs.getTimestamp("created_at")));
                    row.put("delivered_at", seconds(rs.getTimestamp("delivered_at")));
                    row.put("next_attempt_at", "pending".equals(rs.getString("status")) ? seconds(rs.getTimestamp("next_attempt_at")) : null);
                    return (Map<String, Object>) row;
                }).list();
    }

    private static Long seconds(Timestamp t) {
        return t == null ? null : t.toInstant().getEpochSecond();
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery((UUID) rs.getObject("id"), rs.getLong("account_id"), (Long) rs.getObject("webhook_id"), rs.getString("url"),
                rs.getString("secret"), rs.getString("event"), rs.getString("payload"), rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(), (UUID) rs.getObject("source_event_id"));
    }

    /** One delivery of one payload to one URL. */
    public record Delivery(UUID id, long accountId, Long webhookId, String url, String secret, String event, String payload, int attempts,
                           Instant createdAt, UUID sourceEventId) {
    }
}
