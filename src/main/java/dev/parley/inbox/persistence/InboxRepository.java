package dev.parley.inbox.persistence;

import dev.parley.inbox.InboxSettings;
import dev.parley.inbox.InboxView;
import dev.parley.shared.JsonCodec;
import dev.parley.shared.NodeCache;
import dev.parley.shared.NodeCaches;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inboxes and inbox members in PostgreSQL. */
@Repository
public class InboxRepository {

    private static final String COLUMNS = """
            id, account_id, name, channel_type, inbox_identifier, webhook_url, hmac_token, hmac_mandatory,
            enable_auto_assignment, auto_assignment_config, lock_to_single_conversation, greeting_enabled, greeting_message, timezone,
            working_hours_enabled, out_of_office_message, working_hours, channel_attributes, channel_admin_attributes""";

    private static final int MAX_REMEMBERED = 10_000;

    private final JdbcClient jdbc;
    private final JsonCodec json;
    /**
     * Inboxes by identifier, as this node last read them: the public API looks one up on every request. One entry (key
     * 0) holds them all, and any change to any inbox forgets it on every node: this class's writes announce it, and a
     * trigger (V26) announces the writes of straight SQL.
     */
    private final NodeCache<Map<String, InboxView>> byIdentifier;

    public InboxRepository(JdbcClient jdbc, JsonCodec json, NodeCaches caches) {
        this.jdbc = jdbc;
        this.json = json;
        this.byIdentifier = caches.cache(NodeCaches.INBOX_IDENTIFIERS);
    }

    /** Every node forgets the inboxes it remembers when this transaction commits (this one at once, too). */
    private void changed() {
        byIdentifier.changed(0);
    }

    public InboxView insert(long accountId, String identifier, String hmacToken, InboxSettings s) {
        InboxView inserted = jdbc.sql("""
                        INSERT INTO inboxes (account_id, name, inbox_identifier, hmac_token, webhook_url, hmac_mandatory,
                            enable_auto_assignment, auto_assignment_config, lock_to_single_conversation, greeting_enabled,
                            greeting_message, timezone, working_hours_enabled, out_of_office_message, working_hours)
                        VALUES (?, ?, ?, ?, ?, coalesce(?, false), coalesce(?, true), ?::jsonb, coalesce(?, false),
                                coalesce(?, false), ?, coalesce(?, 'UTC'), coalesce(?, false), ?, coalesce(?::jsonb, '[]'))
                        RETURNING\s""" + COLUMNS)
                .params(accountId, s.name(), identifier, hmacToken, s.webhookUrl(), s.hmacMandatory(), s.enableAutoAssignment(),
                        json.write(s.autoAssignmentConfig() == null ? java.util.Map.of() : s.autoAssignmentConfig()),
                        s.lockToSingleConversation(), s.greetingEnabled(), s.greetingMessage(), s.timezone(), s.workingHoursEnabled(),
                        s.outOfOfficeMessage(), s.workingHours() == null ? null : json.write(s.workingHours()))
                .query(this::inbox).single();
        changed();
        return inserted;
    }

    public void setChannelType(long id, String channelType) {
        jdbc.sql("UPDATE inboxes SET channel_type = ? WHERE id = ?").params(channelType, id).update();
        changed();
    }

    public void update(long id, InboxSettings s) {
        jdbc.sql("""
                        UPDATE inboxes SET name = coalesce(?, name), webhook_url = coalesce(?, webhook_url),
                            hmac_mandatory = coalesce(?, hmac_mandatory), enable_auto_assignment = coalesce(?, enable_auto_assignment),
                            auto_assignment_config = coalesce(?::jsonb, auto_assignment_config),
                            lock_to_single_conversation = coalesce(?, lock_to_single_conversation),
                            greeting_enabled = coalesce(?, greeting_enabled), greeting_message = coalesce(?, greeting_message),
                            timezone = coalesce(?, timezone), working_hours_enabled = coalesce(?, working_hours_enabled),
                            out_of_office_message = coalesce(?, out_of_office_message), working_hours = coalesce(?::jsonb, working_hours),
                            updated_at = now()
                        WHERE id = ?""")
                .params(s.name(), s.webhookUrl(), s.hmacMandatory(), s.enableAutoAssignment(),
                        s.autoAssignmentConfig() == null ? null : json.write(s.autoAssignmentConfig()), s.lockToSingleConversation(),
                        s.greetingEnabled(), s.greetingMessage(), s.timezone(), s.workingHoursEnabled(), s.outOfOfficeMessage(),
                        s.workingHours() == null ? null : json.write(s.workingHours()), id)
                .update();
        changed();
    }

    /** Sets the channel type and what the channel shows in the inbox JSON (see {@link dev.parley.inbox.InboxChannel}). */
    public void setChannel(long id, String channelType, dev.parley.inbox.ChannelAttributes attributes) {
        jdbc.sql("UPDATE inboxes SET channel_type = ?, channel_attributes = ?::jsonb, channel_admin_attributes = ?::jsonb WHERE id = ?")
                .params(channelType, json.write(attributes.shown()), json.write(attributes.adminOnly()), id).update();
        changed();
    }

    /** Inboxes of one channel type in every account (for a channel's background work, e.g. IMAP import). */
    public List<InboxView> ofChannelType(String channelType) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inboxes WHERE channel_type = ? ORDER BY id").param(channelType)
                .query(this::inbox).list();
    }

    public Optional<InboxView> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inboxes WHERE id = ?").param(id).query(this::inbox).optional();
    }

    public Optional<InboxView> find(long accountId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inboxes WHERE account_id = ? AND id = ?").params(accountId, id)
                .query(this::inbox).optional();
    }


    public Optional<InboxView> lock(long accountId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inboxes WHERE account_id = ? AND id = ? FOR UPDATE").params(accountId, id)
                .query(this::inbox).optional();
    }

    /**
     * The inbox of a public identifier, from this node's memory when it has it. A map taken from the cache is dropped
     * as a whole when any inbox changes, so an entry that a read racing a change puts into it lands in a map nobody
     * reads any more. Unknown identifiers are not remembered (anyone can make up as many as they like). The views are
     * shared between requests: nothing changes them.
     */
    public Optional<InboxView> findByIdentifier(String identifier) {
        if (identifier == null) return Optional.empty();
        Map<String, InboxView> known = byIdentifier.get(0, k -> new ConcurrentHashMap<>());
        InboxView inbox = known.get(identifier);
        if (inbox != null) return Optional.of(inbox);
        Optional<InboxView> read = jdbc.sql("SELECT " + COLUMNS + " FROM inboxes WHERE inbox_identifier = ?").param(identifier)
                .query(this::inbox).optional();
        if (read.isPresent() && known.size() < MAX_REMEMBERED) known.put(identifier, read.get());
        return read;
    }

    public List<InboxView> all(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inboxes WHERE account_id = ? ORDER BY id").param(accountId)
                .query(this::inbox).list();
    }

    public List<InboxView> ofMember(long accountId, long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inboxes WHERE account_id = ?"
                        + " AND id IN (SELECT inbox_id FROM inbox_members WHERE user_id = ?) ORDER BY id")
                .params(accountId, userId).query(this::inbox).list();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM inboxes WHERE id = ?").param(id).update();
        changed();
    }

    public List<Long> memberIds(long inboxId) {
        return jdbc.sql("SELECT user_id FROM inbox_members WHERE inbox_id = ? ORDER BY created_at, user_id").param(inboxId)
                .query(Long.class).list();
    }

    public boolean isMember(long inboxId, long userId) {
        return jdbc.sql("SELECT count(*) FROM inbox_members WHERE inbox_id = ? AND user_id = ?").params(inboxId, userId)
                .query(Long.class).single() > 0;
    }

    /** Adds members; returns the ones that were not members before. */
    public List<Long> addMembers(long inboxId, Collection<Long> userIds) {
        return userIds.stream().filter(u -> jdbc.sql("INSERT INTO inbox_members (inbox_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(inboxId, u).update() > 0).toList();
    }

    /** Removes members; returns the ones that were members. */
    public List<Long> removeMembers(long inboxId, Collection<Long> userIds) {
        return userIds.stream().filter(u -> jdbc.sql("DELETE FROM inbox_members WHERE inbox_id = ? AND user_id = ?")
                .params(inboxId, u).update() > 0).toList();
    }

    /** Removes a user from every inbox of an account (when they leave the account). */
    public void removeFromAccount(long accountId, long userId) {
        jdbc.sql("DELETE FROM inbox_members m USING inboxes i WHERE m.inbox_id = i.id AND i.account_id = ? AND m.user_id = ?")
                .params(accountId, userId).update();
    }

    private InboxView inbox(ResultSet rs, int row) throws SQLException {
        return new InboxView(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"), rs.getString("channel_type"),
                rs.getString("inbox_identifier"), rs.getString("webhook_url"), rs.getString("hmac_token"),
                rs.getBoolean("hmac_mandatory"), rs.getBoolean("enable_auto_assignment"),
                json.readMap(rs.getString("auto_assignment_config")), rs.getBoolean("lock_to_single_conversation"),
                rs.getBoolean("greeting_enabled"), rs.getString("greeting_message"), rs.getString("timezone"),
                rs.getBoolean("working_hours_enabled"), rs.getString("out_of_office_message"),
                json.readList(rs.getString("working_hours")).stream().map(InboxRepository::entry).toList(),
                new dev.parley.inbox.ChannelAttributes(json.readMap(rs.getString("channel_attributes")),
                        json.readMap(rs.getString("channel_admin_attributes"))));
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> entry(Object value) {
        return value instanceof java.util.Map<?, ?> m ? (java.util.Map<String, Object>) m : java.util.Map.of();
    }
}
