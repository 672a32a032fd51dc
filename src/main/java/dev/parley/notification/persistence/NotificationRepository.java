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
