package dev.parley.conversation.persistence;

import dev.parley.conversation.MessageType;
import dev.parley.conversation.MessageView;
import dev.parley.shared.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Messages in PostgreSQL. */
@Repository
public class MessageRepository {

    private static final String COLUMNS = """
            id, account_id, inbox_id, conversation_id, message_type, content, content_type, content_attributes, private, status,
            sender_type, sender_id, source_id, echo_id, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final JsonCodec json;

    public MessageRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public MessageView insert(MessageView m) {
        return jdbc.sql("""
                        INSERT INTO messages (account_id, inbox_id, conversation_id, message_type, content, content_type,
                            content_attributes, private, status, sender_type, sender_id, source_id, echo_id, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING\s""" + COLUMNS)
                .params(m.accountId(), m.inboxId(), m.conversationId(), m.messageType().code(), m.content(), m.contentType(),
                        json.write(m.contentAttributes()), m.isPrivate(), m.status(), m.senderType(), m.senderId(), m.sourceId(),
                        m.echoId(), ConversationRepository.ts(m.createdAt()), ConversationRepository.ts(m.createdAt()))
                .query(this::message).single();
    }

    /** The customer messages of these conversations written by one contact are now the other contact's. */
    public void moveContactSender(java.util.Collection<Long> conversationIds, long fromContactId, long toContactId) {
        if (conversationIds.isEmpty()) return;
        jdbc.sql("UPDATE messages SET sender_id = ? WHERE conversation_id = ANY(?) AND sender_type = 'Contact' AND sender_id = ?")
                .params(toContactId, conversationIds.toArray(Long[]::new), fromContactId).update();
    }

    public Optional<MessageView> find(long conversationId, long messageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM messages WHERE conversation_id = ? AND id = ?").params(conversationId, messageId)
                .query(this::message).optional();
    }

    /** The messages with these ids (one statement), in no particular order. */
    public List<MessageView> findAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("SELECT " + COLUMNS + " FROM messages WHERE id = ANY(?)").param(ids.toArray(Long[]::new)).query(this::message).list();
    }

    public Optional<MessageView> bySourceId(long conversationId, String sourceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM messages WHERE conversation_id = ? AND source_id = ?").params(conversationId, sourceId)
                .query(this::message).optional();
    }

    /** Up to {@code limit} messages before the given id (or the latest), oldest first. */
    public List<MessageView> page(long conversationId, Long beforeId, Long afterId, boolean publicOnly, int limit) {
        String visibility = publicOnly ? " AND private = false AND message_type <> 2" : "";
        if (afterId != null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM messages WHERE conversation_id = ? AND id > ?" + visibility + " ORDER BY id LIMIT ?")
                    .params(conversationId, afterId, limit).query(this::message).list();
        }
        List<MessageView> newestFirst = jdbc.sql("SELECT " + COLUMNS + " FROM messages WHERE conversation_id = ? AND id < ?"
                        + visibility + " ORDER BY id DESC LIMIT ?")
                .params(conversationId, beforeId == null ? Long.MAX_VALUE : beforeId, limit).query(this::message).list();
        var oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    public Optional<MessageView> lastNonActivity(long conversationId, boolean publicOnly) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM messages WHERE conversation_id = ? AND message_type <> 2"
                        + (publicOnly ? " AND private = false" : "") + " ORDER BY id DESC LIMIT 1")
                .param(conversationId).query(this::message).optional();
    }

    /**
     * For a page of conversations in two round trips: the content of each one's last non-activity message
     * (notes included) and how many customer messages arrived after the agents' last look.
     */
    /** Each conversation's last non-activity message (notes included), in one query. */
    public java.util.Map<Long, MessageView> lastNonActivity(java.util.Collection<Long> conversationIds) {
        var last = new java.util.HashMap<Long, MessageView>();
        if (conversationIds.isEmpty()) return last;
        jdbc.sql("SELECT DISTINCT ON (conversation_id) " + COLUMNS + " FROM messages WHERE conversation_id = ANY(?) AND message_type <> 2"
                        + " ORDER BY conversation_id, id DESC")
                .param(conversationIds.toArray(Long[]::new)).query(this::message).list()
                .forEach(m -> last.put(m.conversationId(), m));
        return last;
    }

    public java.util.Map<Long, Integer> unreadCounts(java.util.Collection<Long> conversationIds) {
        var counts = new java.util.HashMap<Long, Integer>();
        if (conversationIds.isEmpty()) return counts;
        jdbc.sql("""
                        SELECT m.conversation_id, count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id
                        WHERE m.conversation_id = ANY(?) AND m.message_type = 0
                          AND (c.agent_last_seen_at IS NULL OR m.created_at > c.agent_last_seen_at)
                        GROUP BY m.conversation_id""")
                .param(conversationIds.toArray(Long[]::new))
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    /** When the newest customer message arrived, if any. */
    public Optional<java.time.Instant> lastIncomingAt(long conversationId) {
        return jdbc.sql("SELECT max(created_at) FROM messages WHERE conversation_id = ? AND message_type = 0").param(conversationId)
                .query((rs, n) -> rs.getTimestamp(1)).optional().filter(java.util.Objects::nonNull).map(java.sql.Timestamp::toInstant);
    }

    public long count(long conversationId) {
        return jdbc.sql("SELECT count(*) FROM messages WHERE conversation_id = ?").param(conversationId).query(Long.class).single();
    }

    public void softDelete(long messageId, Map<String, Object> contentAttributes) {
        jdbc.sql("UPDATE messages SET content = 'This message was deleted', content_attributes = ?::jsonb, updated_at = now() WHERE id = ?")
                .params(json.write(contentAttributes), messageId).update();
    }

    public void updateStatus(long messageId, String status, Map<String, Object> contentAttributes) {
        jdbc.sql("UPDATE messages SET status = ?, content_attributes = ?::jsonb, updated_at = now() WHERE id = ?")
                .params(status, json.write(contentAttributes), messageId).update();
    }

    private MessageView message(ResultSet rs, int row) throws SQLException {
        return new MessageView(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("inbox_id"), rs.getLong("conversation_id"),
                MessageType.fromCode(rs.getInt("message_type")), rs.getString("content"), rs.getString("content_type"),
                json.readMap(rs.getString("content_attributes")), rs.getBoolean("private"), rs.getString("status"),
                rs.getString("sender_type"), (Long) rs.getObject("sender_id"), rs.getString("source_id"), rs.getString("echo_id"),
                ConversationRepository.instant(rs, "created_at"), ConversationRepository.instant(rs, "updated_at"));
    }
}
