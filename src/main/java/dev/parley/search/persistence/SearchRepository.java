package dev.parley.search.persistence;

import dev.parley.search.ConversationHit;
import dev.parley.search.MessageHit;
import dev.parley.shared.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The search queries, read-only over conversations, contacts and messages. {@code inboxIds} null means every inbox of
 * the account (administrators); otherwise only those inboxes' conversations and messages are looked at. Each query
 * is written so that PostgreSQL can answer it from the indexes of migration V19 (see docs/benchmarks.md).
 */
@Repository
public class SearchRepository {

    /** Must stay the expression of the index messages_content_fts, or the index is not used. */
    private static final String MESSAGE_WORDS = "to_tsvector('simple', coalesce(m.content, ''))";
    private static final String MESSAGE_COLUMNS = """
            m.id, m.content, m.message_type, m.content_type, m.source_id, m.inbox_id, m.conversation_id, c.display_id,
            m.created_at, m.sender_type, m.sender_id, m.private""";
    private static final String ACTIVITY = "2";
    private static final String CONVERSATION_COLUMNS =
            "c.id, c.display_id, c.account_id, c.inbox_id, c.contact_id, c.assignee_id, c.status, c.additional_attributes, c.created_at";

    private final JdbcClient jdbc;
    private final JsonCodec json;

    public SearchRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Conversations whose display id starts with the digits (when the text is a number; the exact one first) or whose
     * contact matches the pattern, newest first.
     */
    public List<ConversationHit> conversations(long accountId, Collection<Long> inboxIds, String pattern, String displayId,
                                               int limit, int offset) {
        var matching = new StringBuilder("""
                SELECT cv.id FROM contacts ct JOIN conversations cv ON cv.contact_id = ct.id
                WHERE ct.account_id = ? AND ct.search_text LIKE lower(?) ESCAPE '\\'""");
        var matchingParams = new ArrayList<Object>(List.of(accountId, pattern));
        if (displayId != null) {
            matching.append(" UNION SELECT id FROM conversations WHERE account_id = ? AND display_id::text LIKE ?");
            matchingParams.addAll(List.of(accountId, displayId + "%"));
        }
        var params = new ArrayList<Object>(List.of(accountId));
        var sql = new StringBuilder("SELECT " + CONVERSATION_COLUMNS + " FROM conversations c WHERE c.account_id = ?");
        visibleInboxes(sql, params, "c", inboxIds);
        sql.append(" AND c.id IN (").append(matching).append(")");
        params.addAll(matchingParams);
        sql.append(" ORDER BY c.display_id::text = ? DESC, c.created_at DESC, c.id DESC LIMIT ? OFFSET ?");
        params.add(displayId == null ? "" : displayId);
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(this::conversation).list();
    }

    /** Every conversation the caller may see, newest first (Chatwoot's answer to an empty search). */
    public List<ConversationHit> latestConversations(long accountId, Collection<Long> inboxIds, int limit, int offset) {
        var params = new ArrayList<Object>(List.of(accountId));
        var sql = new StringBuilder("SELECT " + CONVERSATION_COLUMNS + " FROM conversations c WHERE c.account_id = ?");
        visibleInboxes(sql, params, "c", inboxIds);
        sql.append(" ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(this::conversation).list();
    }

    /** How many of the newest messages are looked through first, word by word, before the full-text index is asked. */
    static final int RECENT_WINDOW = 5_000;

    /**
     * Messages (activity lines aside) containing every word of the full-text query, newest first; a null query
     * matches every message. Two steps, because neither plan is fast for every word: a common word is found at once
     * among the newest messages (the primary key read backwards over a bounded range), while a rare one needs the
     * full-text index (all its matches, then the newest). The first step answers whenever it fills the page; its rows
     * are then exactly the newest matches, since every message of the window is newer than any outside it.
     */
    public List<MessageHit> messages(long accountId, Collection<Long> inboxIds, String tsquery, int limit, int offset) {
        if (tsquery == null) return messagePage(accountId, inboxIds, null, null, " ORDER BY m.id DESC", limit, offset);
        long newest = jdbc.sql("SELECT coalesce(max(id), 0) FROM messages").query(Long.class).single();
        List<MessageHit> recent = messagePage(accountId, inboxIds, tsquery, newest - RECENT_WINDOW, " ORDER BY m.id DESC", limit, offset);
        if (recent.size() == limit) return recent;
        // "m.id + 0" keeps PostgreSQL from walking the primary key through a million rows for a rare word
        return messagePage(accountId, inboxIds, tsquery, null, " ORDER BY m.id + 0 DESC", limit, offset);
    }

    private List<MessageHit> messagePage(long accountId, Collection<Long> inboxIds, String tsquery, Long after, String order, int limit,
                                         int offset) {
        var params = new ArrayList<Object>(List.of(accountId));
        var sql = new StringBuilder("SELECT " + MESSAGE_COLUMNS + " FROM messages m JOIN conversations c ON c.id = m.conversation_id"
                + " WHERE m.account_id = ? AND m.message_type <> " + ACTIVITY);
        visibleInboxes(sql, params, "m", inboxIds);
        if (after != null) {
            sql.append(" AND m.id > ?");
            params.add(after);
        }
        if (tsquery != null) {
            sql.append(" AND ").append(MESSAGE_WORDS).append(" @@ ?::tsquery");
            params.add(tsquery);
        }
        sql.append(order).append(" LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(SearchRepository::message).list();
    }

    /** The words of a search text as PostgreSQL's 'simple' parser cuts them (an email address stays one word). */
    public List<String> words(String text) {
        return jdbc.sql("SELECT lexeme FROM unnest(to_tsvector('simple', ?)) ORDER BY lexeme").param(text).query(String.class).list();
    }

    /** The first message (activity lines aside) of each conversation, by conversation id, in one query. */
    public Map<Long, MessageHit> firstMessages(Collection<Long> conversationIds) {
        var first = new HashMap<Long, MessageHit>();
        if (conversationIds.isEmpty()) return first;
        jdbc.sql("SELECT DISTINCT ON (m.conversation_id) " + MESSAGE_COLUMNS
                        + " FROM messages m JOIN conversations c ON c.id = m.conversation_id"
                        + " WHERE m.conversation_id = ANY(?) AND m.message_type <> " + ACTIVITY + " ORDER BY m.conversation_id, m.id")
                .param(conversationIds.toArray(Long[]::new)).query(SearchRepository::message).list()
                .forEach(m -> first.put(m.conversationId(), m));
        return first;
    }

    private static void visibleInboxes(StringBuilder sql, List<Object> params, String alias, Collection<Long> inboxIds) {
        if (inboxIds == null) return;
        sql.append(" AND ").append(alias).append(".inbox_id = ANY(?)");
        params.add(inboxIds.toArray(Long[]::new));
    }

    private ConversationHit conversation(ResultSet rs, int row) throws SQLException {
        long assignee = rs.getLong("assignee_id");
        Long assigneeId = rs.wasNull() ? null : assignee;
        return new ConversationHit(rs.getLong("id"), rs.getLong("display_id"), rs.getLong("account_id"), rs.getLong("inbox_id"),
                rs.getLong("contact_id"), assigneeId, rs.getString("status"),
                json.readMap(rs.getString("additional_attributes")), rs.getTimestamp("created_at").toInstant());
    }

    private static MessageHit message(ResultSet rs, int row) throws SQLException {
        long sender = rs.getLong("sender_id");
        Long senderId = rs.wasNull() ? null : sender;
        return new MessageHit(rs.getLong("id"), rs.getString("content"), rs.getInt("message_type"), rs.getString("content_type"),
                rs.getString("source_id"), rs.getLong("inbox_id"), rs.getLong("conversation_id"), rs.getLong("display_id"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("sender_type"), senderId, rs.getBoolean("private"));
    }
}
