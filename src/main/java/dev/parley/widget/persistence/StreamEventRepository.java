package dev.parley.widget.persistence;

import dev.parley.shared.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The visitors' stream events. Numbers are per visitor (contact inbox) and come from the visitor's head row, which
 * stays locked until the adding transaction ends: numbers therefore commit in order, and a reader who has seen
 * number N has seen every number below it.
 */
@Repository
public class StreamEventRepository {

    /** One stored event of a visitor's stream. */
    public record StreamEvent(long contactInboxId, long seq, String name, long conversationId, Long messageId, Map<String, Object> data) {
    }

    private final JdbcClient jdbc;
    private final JsonCodec json;

    StreamEventRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long append(long contactInboxId, String name, long conversationId, Long messageId, Map<String, Object> data) {
        long seq = jdbc.sql("""
                        INSERT INTO widget_stream_heads (contact_inbox_id, last_seq) VALUES (?, 1)
                        ON CONFLICT (contact_inbox_id) DO UPDATE SET last_seq = widget_stream_heads.last_seq + 1
                        RETURNING last_seq""").param(contactInboxId).query(Long.class).single();
        jdbc.sql("INSERT INTO widget_stream_events (contact_inbox_id, seq, name, conversation_id, message_id, data) VALUES (?, ?, ?, ?, ?, ?::jsonb)")
                .params(contactInboxId, seq, name, conversationId, messageId, json.write(data)).update();
        return seq;
    }

    public List<StreamEvent> after(long contactInboxId, long seq, int limit) {
        return jdbc.sql("SELECT * FROM widget_stream_events WHERE contact_inbox_id = ? AND seq > ? ORDER BY seq LIMIT ?")
                .params(contactInboxId, seq, limit).query(this::event).list();
    }

    public long head(long contactInboxId) {
        return jdbc.sql("SELECT coalesce(max(last_seq), 0) FROM widget_stream_heads WHERE contact_inbox_id = ?").param(contactInboxId)
                .query(Long.class).single();
    }

    /** The last number of each of these visitors that has any (one query for all of a node's open streams). */
    public Map<Long, Long> heads(Collection<Long> contactInboxIds) {
        if (contactInboxIds.isEmpty()) return Map.of();
        return jdbc.sql("SELECT contact_inbox_id, last_seq FROM widget_stream_heads WHERE contact_inbox_id = ANY(?)")
                .param(contactInboxIds.toArray(Long[]::new))
                .query((rs, row) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Forgets events older than {@code before} (a browser that was away longer reloads the history instead). */
    public int prune(Instant before) {
        return jdbc.sql("DELETE FROM widget_stream_events WHERE created_at < ?").param(java.sql.Timestamp.from(before)).update();
    }

    private StreamEvent event(ResultSet rs, int row) throws SQLException {
        long message = rs.getLong("message_id");
        return new StreamEvent(rs.getLong("contact_inbox_id"), rs.getLong("seq"), rs.getString("name"), rs.getLong("conversation_id"),
                rs.wasNull() ? null : message, json.readMap(rs.getString("data")));
    }
}
