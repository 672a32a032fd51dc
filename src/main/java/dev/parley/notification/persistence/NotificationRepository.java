package dev.parley.notification.persistence;

import dev.parley.notification.NotificationView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notifications in PostgreSQL, always read for their owner. */
@Repository
public class NotificationRepository {

    private static final String COLUMNS = "id, account_id, user_id, notification_type, conversation_id, display_id, message, actor_name, read_at, created_at";
    private final JdbcClient jdbc;

    public NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores one unless that event already notified that person of that type; the new one's id, if any. */
    public Optional<Long> insert(long accountId, long userId, String type, long conversationId, long displayId, String message, String actor,
                                 Instant at, UUID sourceEventId) {
        return jdbc.sql("""
                        INSERT INTO notifications (account_id, user_id, notification_type, conversation_id, display_id, message, actor_name,
                            created_at, source_event_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_event_id, user_id, notification_type) DO NOTHING RETURNING id""")
                .params(accountId, userId, type, conversationId, displayId, message, actor, Timestamp.from(at), sourceEventId)
                .query(Long.class).optional();
    }

    /** A notification to store: one per source event, person and type. */
    public record New(long accountId, long userId, String type, long conversationId, long displayId, String message, String actor,
                      Instant at, UUID sourceEventId) {
    }

    /** Stores them in one statement, but none that an event already gave that person with that type; the new ones' ids. */
    public java.util.Map<New, Long> insertAll(List<New> notifications) {
        int n = notifications.size();
        String[][] columns = new String[9][n];
        for (int i = 0; i < n; i++) {
            New x = notifications.get(i);
            columns[0][i] = String.valueOf(x.accountId());
            columns[1][i] = String.valueOf(x.userId());
            columns[2][i] = x.type();
            columns[3][i] = String.valueOf(x.conversationId());
            columns[4][i] = String.valueOf(x.displayId());
            columns[5][i] = x.message();
            columns[6][i] = x.actor();
            columns[7][i] = x.at().toString();
            columns[8][i] = x.sourceEventId().toString();
        }
        record Key(long userId, String type, UUID sourceEventId) {
        }
        java.util.Map<Key, Long> inserted = new java.util.HashMap<>();
        jdbc.sql("""
                        INSERT INTO notifications (account_id, user_id, notification_type, conversation_id, display_id, message, actor_name,
                            created_at, source_event_id)
                        SELECT a::bigint, u::bigint, t, c::bigint, d::bigint, m, n, at::timestamptz, s::uuid
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                            WITH ORDINALITY AS f(a, u, t, c, d, m, n, at, s, i)
                        ORDER BY i
                        ON CONFLICT (source_event_id, user_id, notification_type) DO NOTHING
                        RETURNING id, user_id, notification_type, source_event_id""")
                .params((Object[]) columns)
                .query((rs, i) -> inserted.put(new Key(rs.getLong("user_id"), rs.getString("notification_type"),
                        rs.getObject("source_event_id", UUID.class)), rs.getLong("id")))
                .list();
        java.util.Map<New, Long> ids = new java.util.HashMap<>();
        for (New x : notifications) {
            Long id = inserted.remove(new Key(x.userId(), x.type(), x.sourceEventId()));
            if (id != null) ids.put(x, id);
        }
        return ids;
    }

    public List<NotificationView> page(long accountId, long userId, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE account_id = ? AND user_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(accountId, userId, limit, offset).query(NotificationRepository::row).list();
    }

    public Optional<NotificationView> find(long accountId, long userId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE account_id = ? AND user_id = ? AND id = ?").params(accountId, userId, id)
                .query(NotificationRepository::row).optional();
    }

    public long count(long accountId, long userId) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE account_id = ? AND user_id = ?").params(accountId, userId).query(Long.class).single();
    }

    public long unread(long accountId, long userId) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE account_id = ? AND user_id = ? AND read_at IS NULL").params(accountId, userId)
                .query(Long.class).single();
    }

    public void markRead(long id, Instant at) {
        jdbc.sql("UPDATE notifications SET read_at = coalesce(read_at, ?) WHERE id = ?").params(Timestamp.from(at), id).update();
    }

    public void markUnread(long id) {
        jdbc.sql("UPDATE notifications SET read_at = NULL WHERE id = ?").param(id).update();
    }

    public void markAllRead(long accountId, long userId, Instant at) {
        jdbc.sql("UPDATE notifications SET read_at = ? WHERE account_id = ? AND user_id = ? AND read_at IS NULL")
                .params(Timestamp.from(at), accountId, userId).update();
    }

    /** Reading a conversation reads its notifications too. */
    public void markConversationRead(long accountId, long userId, long conversationId, Instant at) {
        jdbc.sql("UPDATE notifications SET read_at = ? WHERE account_id = ? AND user_id = ? AND conversation_id = ? AND read_at IS NULL")
                .params(Timestamp.from(at), accountId, userId, conversationId).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM notifications WHERE id = ?").param(id).update();
    }

    private static NotificationView row(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new NotificationView(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("user_id"), rs.getString("notification_type"),
                rs.getLong("conversation_id"), rs.getLong("display_id"), rs.getString("message"), rs.getString("actor_name"),
                read == null ? null : read.toInstant(), rs.getTimestamp("created_at").toInstant());
    }
}
