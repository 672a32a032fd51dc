package dev.parley.conversation.persistence;

import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.Priority;
import dev.parley.shared.JsonCodec;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Conversations in PostgreSQL. Writers lock the row ({@code FOR UPDATE}) before they change it. */
@Repository
public class ConversationRepository {

    static final String COLUMNS = """
            c.id, c.account_id, c.inbox_id, c.contact_id, c.contact_inbox_id, c.display_id, c.uuid, c.status, c.priority,
            c.assignee_id, c.team_id, c.snoozed_until, c.waiting_since, c.first_reply_created_at, c.last_activity_at,
            c.agent_last_seen_at, c.contact_last_seen_at, c.additional_attributes, c.custom_attributes, c.labels,
            c.created_at, c.updated_at""";

    private final JdbcClient jdbc;
    private final JsonCodec json;

    /** The account's highest display id given so far (0 before its first conversation). */
    public long lastDisplayId(long accountId) {
        return jdbc.sql("SELECT last_display_id FROM accounts WHERE id = ?").param(accountId).query(Long.class).optional().orElse(0L);
    }

    public ConversationRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The next display id of the account; the row lock serialises concurrent creations per account. */
    public long nextDisplayId(long accountId) {
        return jdbc.sql("UPDATE accounts SET last_display_id = last_display_id + 1 WHERE id = ? RETURNING last_display_id")
                .param(accountId).query(Long.class).single();
    }

    public ConversationView insert(ConversationView c) {
        long id = jdbc.sql("""
                        INSERT INTO conversations (account_id, inbox_id, contact_id, contact_inbox_id, display_id, uuid, status,
                            priority, assignee_id, team_id, snoozed_until, waiting_since, last_activity_at, additional_attributes,
                            custom_attributes, labels, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::text[], ?, ?) RETURNING id""")
                .params(c.accountId(), c.inboxId(), c.contactId(), c.contactInboxId(), c.displayId(), c.uuid(), c.status().apiName(),
                        c.priority() == null ? null : c.priority().apiName(), c.assigneeId(), c.teamId(), ts(c.snoozedUntil()),
                        ts(c.waitingSince()), ts(c.lastActivityAt()), json.write(c.additionalAttributes()),
                        json.write(c.customAttributes()), pgArray(c.labels()), ts(c.createdAt()), ts(c.updatedAt()))
                .query(Long.class).single();
        return findById(id).orElseThrow();
    }

    public void update(ConversationView c) {
        jdbc.sql("""
                        UPDATE conversations SET status = ?, priority = ?, assignee_id = ?, team_id = ?, snoozed_until = ?,
                            waiting_since = ?, first_reply_created_at = ?, last_activity_at = ?, contact_last_seen_at = ?,
                            custom_attributes = ?::jsonb, labels = ?::text[], updated_at = ?, version = version + 1
                        WHERE id = ?""")
                .params(c.status().apiName(), c.priority() == null ? null : c.priority().apiName(), c.assigneeId(), c.teamId(),
                        ts(c.snoozedUntil()), ts(c.waitingSince()), ts(c.firstReplyCreatedAt()), ts(c.lastActivityAt()),
                        ts(c.contactLastSeenAt()), json.write(c.customAttributes()), pgArray(c.labels()), ts(c.updatedAt()), c.id())
                .update();
    }

    /** Agents' read mark (Chatwoot's agent_last_seen_at); not part of the aggregate, so it never conflicts with a change. */
    public void markAgentSeen(long conversationId, java.time.Instant at) {
        jdbc.sql("UPDATE conversations SET agent_last_seen_at = ? WHERE id = ?").params(ts(at), conversationId).update();
    }

    /** A contact merge: the mergee's conversations, and the messages it sent, become the base contact's. */
    public int moveToContact(long accountId, long fromContactId, long toContactId) {
        jdbc.sql("UPDATE messages SET sender_id = ? WHERE account_id = ? AND sender_type = 'Contact' AND sender_id = ?")
                .params(toContactId, accountId, fromContactId).update();
        return jdbc.sql("UPDATE conversations SET contact_id = ?, updated_at = now(), version = version + 1 WHERE account_id = ? AND contact_id = ?")
                .params(toContactId, accountId, fromContactId).update();
    }

    /** Gives a contact inbox's conversations to another contact and contact inbox; answers their ids. */
    public List<Long> moveContactInbox(long fromContactInboxId, long toContactId, long toContactInboxId) {
        return jdbc.sql("UPDATE conversations SET contact_id = ?, contact_inbox_id = ?, updated_at = now() WHERE contact_inbox_id = ? RETURNING id")
                .params(toContactId, toContactInboxId, fromContactInboxId).query(Long.class).list();
    }

    public Optional<ConversationView> lockByDisplayId(long accountId, long displayId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversations c WHERE c.account_id = ? AND c.display_id = ? FOR UPDATE")
                .params(accountId, displayId).query(this::conversation).optional();
    }

    public Optional<ConversationView> lockById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversations c WHERE c.id = ? FOR UPDATE")
                .param(id).query(this::conversation).optional();
    }

    public Optional<ConversationView> findByDisplayId(long accountId, long displayId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversations c WHERE c.account_id = ? AND c.display_id = ?")
                .params(accountId, displayId).query(this::conversation).optional();
    }

    public Optional<ConversationView> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversations c WHERE c.id = ?").param(id).query(this::conversation).optional();
    }

    /** The conversations with these ids (one statement), in no particular order. */
    public List<ConversationView> findAllById(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversations c WHERE c.id = ANY(?)").param(ids.toArray(Long[]::new))
                .query(this::conversation).list();
    }

    public Optional<ConversationView> latestOfContactInbox(long contactInboxId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversations c WHERE c.contact_inbox_id = ? ORDER BY c.id DESC LIMIT 1")
                .param(contactInboxId).query(this::conversation).optional();
    }

    public List<ConversationView> ofContactInbox(long contactInboxId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversations c WHERE c.contact_inbox_id = ? ORDER BY c.id DESC")
                .param(contactInboxId).query(this::conversation).list();
    }

    public List<ConversationView> ofContact(long accountId, long contactId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversations c WHERE c.account_id = ? AND c.contact_id = ? ORDER BY c.id DESC")
                .params(accountId, contactId).query(this::conversation).list();
    }

    /** Snoozed conversations whose time is up, locked and skipped by other nodes doing the same. */
    public List<Long> lockDueSnoozes(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id FROM conversations WHERE status = 'snoozed' AND snoozed_until <= ?
                        ORDER BY snoozed_until LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(ts(now), limit).query(Long.class).list();
    }

    /** Open, unassigned conversations of an inbox, oldest first or longest waiting first. */
    public List<ConversationView> waiting(long inboxId, boolean longestWaitingFirst, int limit, int offset) {
        String order = longestWaitingFirst ? "c.last_activity_at ASC, c.created_at ASC, c.id ASC" : "c.created_at ASC, c.id ASC";
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversations c WHERE c.inbox_id = ? AND c.status = 'open' AND c.assignee_id IS NULL ORDER BY "
                        + order + " LIMIT ? OFFSET ?")
                .params(inboxId, limit, offset).query(this::conversation).list();
    }

    public List<long[]> inboxesWithWaiting() {
        return jdbc.sql("SELECT DISTINCT account_id, inbox_id FROM conversations WHERE status = 'open' AND assignee_id IS NULL")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    /** Open conversations per assignee, in one inbox (inboxId given) or across the account. */
    public java.util.Map<Long, Long> openCounts(long accountId, Long inboxId, java.util.Collection<Long> userIds) {
        var counts = new java.util.HashMap<Long, Long>();
        if (userIds.isEmpty()) return counts;
        jdbc.sql("""
                        SELECT assignee_id, count(*) FROM conversations
                        WHERE account_id = ? AND status = 'open' AND assignee_id = ANY(?) AND (?::bigint IS NULL OR inbox_id = ?)
                        GROUP BY assignee_id""")
                .params(accountId, userIds.toArray(Long[]::new), inboxId, inboxId)
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    public List<ConversationView> search(ConversationSearch search) {
        return search(search, search.pageSize());
    }

    public List<ConversationView> search(ConversationSearch search, int limit) {
        var sql = "SELECT " + COLUMNS + " FROM conversations c WHERE " + search.where() + " " + search.orderBy() + " LIMIT ? OFFSET ?";
        var params = new java.util.ArrayList<>(search.params());
        params.add(limit);
        params.add(search.offset());
        return jdbc.sql(sql).params(params).query(this::conversation).list();
    }

    /** Counts for the list's meta: mine, unassigned, assigned, all (status and scope applied, not assignee type). */
    public long[] counts(ConversationSearch search, long userId) {
        var sql = """
                SELECT count(*) FILTER (WHERE c.assignee_id = ?), count(*) FILTER (WHERE c.assignee_id IS NULL),
                       count(*) FILTER (WHERE c.assignee_id IS NOT NULL), count(*)
                FROM conversations c WHERE\s""" + search.whereWithoutAssignee();
        var params = new java.util.ArrayList<Object>();
        params.add(userId);
        params.addAll(search.paramsWithoutAssignee());
        return jdbc.sql(sql).params(params)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    }

    ConversationView conversation(ResultSet rs, int row) throws SQLException {
        String priority = rs.getString("priority");
        Array labels = rs.getArray("labels");
        return new ConversationView(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("inbox_id"), rs.getLong("contact_id"),
                (Long) rs.getObject("contact_inbox_id"), rs.getLong("display_id"), (UUID) rs.getObject("uuid"),
                ConversationStatus.fromApi(rs.getString("status")), priority == null ? null : Priority.fromApi(priority),
                (Long) rs.getObject("assignee_id"), (Long) rs.getObject("team_id"), instant(rs, "snoozed_until"),
                instant(rs, "waiting_since"), instant(rs, "first_reply_created_at"), instant(rs, "last_activity_at"),
                instant(rs, "agent_last_seen_at"), instant(rs, "contact_last_seen_at"),
                json.readMap(rs.getString("additional_attributes")), json.readMap(rs.getString("custom_attributes")),
                labels == null ? List.of() : List.of((String[]) labels.getArray()), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** A text[] literal; labels are restricted to word characters and '-', so no quoting is needed beyond this. */
    static String pgArray(List<String> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
    }
}
