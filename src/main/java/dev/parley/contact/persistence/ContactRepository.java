package dev.parley.contact.persistence;

import dev.parley.contact.ContactInboxView;
import dev.parley.contact.ContactView;
import dev.parley.contact.PublicContact;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import dev.parley.shared.filter.FilterSql;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contacts and contact inboxes in PostgreSQL. */
@Repository
public class ContactRepository {

    private static final String COLUMNS = """
            id, account_id, name, email, phone_number, identifier, additional_attributes, custom_attributes, blocked,
            last_activity_at, created_at""";
    private static final String CI_COLUMNS = "id, contact_id, inbox_id, source_id, hmac_verified, pubsub_token";

    private final JdbcClient jdbc;
    private final JsonCodec json;

    public ContactRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public ContactView insert(ContactView c) {
        return jdbc.sql("""
                        INSERT INTO contacts (account_id, name, email, phone_number, identifier, additional_attributes,
                            custom_attributes, blocked)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) RETURNING\s""" + COLUMNS)
                .params(c.accountId(), c.name(), c.email(), c.phoneNumber(), c.identifier(), json.write(c.additionalAttributes()),
                        json.write(c.customAttributes()), c.blocked())
                .query(this::contact).single();
    }

    public void update(ContactView c) {
        jdbc.sql("""
                        UPDATE contacts SET name = ?, email = ?, phone_number = ?, identifier = ?, additional_attributes = ?::jsonb,
                            custom_attributes = ?::jsonb, blocked = ?, updated_at = now() WHERE id = ?""")
                .params(c.name(), c.email(), c.phoneNumber(), c.identifier(), json.write(c.additionalAttributes()),
                        json.write(c.customAttributes()), c.blocked(), c.id())
                .update();
    }

    public Optional<ContactView> find(long accountId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contacts WHERE account_id = ? AND id = ?").params(accountId, id)
                .query(this::contact).optional();
    }

    public List<ContactView> findAll(long accountId, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("SELECT " + COLUMNS + " FROM contacts WHERE account_id = ? AND id = ANY(?)").params(accountId, ids.toArray(Long[]::new))
                .query(this::contact).list();
    }

    public Optional<ContactView> byEmail(long accountId, String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contacts WHERE account_id = ? AND lower(email) = lower(?)").params(accountId, email)
                .query(this::contact).optional();
    }

    public Optional<ContactView> lock(long accountId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contacts WHERE account_id = ? AND id = ? FOR UPDATE").params(accountId, id)
                .query(this::contact).optional();
    }

    /** Which other contact of the account already uses this value of a unique field, if any. */
    public Optional<Long> holderOf(long accountId, String field, String value, long exceptId) {
        String column = switch (field) {
            case "email" -> "lower(email) = lower(?)";
            case "phone_number" -> "phone_number = ?";
            case "identifier" -> "identifier = ?";
            default -> throw new IllegalArgumentException(field);
        };
        return jdbc.sql("SELECT id FROM contacts WHERE account_id = ? AND " + column + " AND id <> ?")
                .params(accountId, value, exceptId).query(Long.class).optional();
    }

    /** True once the contact's identifier was proven with a valid identifier_hash in any inbox. */
    public boolean identityVerified(long contactId) {
        return jdbc.sql("SELECT identity_verified_at IS NOT NULL FROM contacts WHERE id = ?").param(contactId)
                .query(Boolean.class).optional().orElse(false);
    }

    public void markIdentityVerified(long contactId, java.time.Instant at) {
        jdbc.sql("UPDATE contacts SET identity_verified_at = ? WHERE id = ? AND identity_verified_at IS NULL")
                .params(Timestamp.from(at), contactId).update();
    }

    public List<ContactView> page(long accountId, String query, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contacts WHERE account_id = ? AND " + SEARCH + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(accountId, query, pattern(query), limit, offset).query(this::contact).list();
    }

    public long count(long accountId, String query) {
        return jdbc.sql("SELECT count(*) FROM contacts WHERE account_id = ? AND " + SEARCH)
                .params(accountId, query, pattern(query)).query(Long.class).single();
    }

    /** Chatwoot's search order: the contacts matching the text (any when null), most recently active first. */
    public List<ContactView> search(long accountId, String query, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contacts WHERE account_id = ? AND " + SEARCH
                        + " ORDER BY last_activity_at DESC NULLS LAST, id DESC LIMIT ? OFFSET ?")
                .params(accountId, query, pattern(query), limit, offset).query(this::contact).list();
    }

    private static String pattern(String query) {
        return query == null ? null : dev.parley.shared.LikePattern.containing(query);
    }

    /** A page of the account's contacts matching a compiled advanced filter over contacts {@code ct}. */
    public List<ContactView> filtered(long accountId, FilterSql.Condition condition, int limit, int offset) {
        var params = new java.util.ArrayList<Object>(List.of(accountId));
        params.addAll(condition.params());
        params.addAll(List.of(limit, offset));
        return jdbc.sql("SELECT " + COLUMNS + " FROM contacts ct WHERE account_id = ? AND " + condition.sql() + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(params).query(this::contact).list();
    }

    public long filteredCount(long accountId, FilterSql.Condition condition) {
        var params = new java.util.ArrayList<Object>(List.of(accountId));
        params.addAll(condition.params());
        return jdbc.sql("SELECT count(*) FROM contacts ct WHERE account_id = ? AND " + condition.sql()).params(params).query(Long.class).single();
    }

    /** The source ids of the given contact inboxes, by contact inbox id (one query, for lists). */
    public java.util.Map<Long, String> sourceIds(java.util.Collection<Long> contactInboxIds) {
        var sources = new java.util.HashMap<Long, String>();
        if (contactInboxIds.isEmpty()) return sources;
        jdbc.sql("SELECT id, source_id FROM contact_inboxes WHERE id = ANY(?)").param(contactInboxIds.toArray(Long[]::new))
                .query((rs, n) -> sources.put(rs.getLong("id"), rs.getString("source_id"))).list();
        return sources;
    }

    public List<String> labels(long contactId) {
        return jdbc.sql("SELECT unnest(labels) FROM contacts WHERE id = ?").param(contactId).query(String.class).list();
    }

    public void replaceLabels(long contactId, List<String> labels) {
        jdbc.sql("UPDATE contacts SET labels = ?, updated_at = now() WHERE id = ?").params(labels.toArray(String[]::new), contactId).update();
    }

    /** Any part of name, email, phone number or identifier: search_text is their lower-cased join, under a trigram index (V19). */
    private static final String SEARCH = "(?::text IS NULL OR search_text LIKE lower(?) ESCAPE '\\')";

    /** Moves every contact inbox (source id) of one contact to another (a merge). */
    public void moveContactInboxes(long fromContactId, long toContactId) {
        jdbc.sql("UPDATE contact_inboxes SET contact_id = ? WHERE contact_id = ?").params(toContactId, fromContactId).update();
    }

    /** Locks two contacts of the account, the lower id first so that two merges of the same pair never deadlock. */
    public List<ContactView> lockBoth(long accountId, long firstId, long secondId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contacts WHERE account_id = ? AND id IN (?, ?) ORDER BY id FOR UPDATE")
                .params(accountId, firstId, secondId).query(this::contact).list();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM contacts WHERE id = ?").param(id).update();
    }

    /** The caller checked the source id is free; a concurrent request that took it meanwhile gets the same 422, not a unique-key 500. */
    public ContactInboxView insertContactInbox(long contactId, long inboxId, String sourceId, boolean hmacVerified, String pubsubToken) {
        return jdbc.sql("INSERT INTO contact_inboxes (contact_id, inbox_id, source_id, hmac_verified, pubsub_token) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (inbox_id, source_id) DO NOTHING RETURNING " + CI_COLUMNS)
                .params(contactId, inboxId, sourceId, hmacVerified, pubsubToken).query(ContactRepository::contactInbox).optional()
                .orElseThrow(() -> InvalidInput.of("source_id", "has already been taken"));
    }

    public Optional<ContactInboxView> findContactInbox(long inboxId, String sourceId) {
        return jdbc.sql("SELECT " + CI_COLUMNS + " FROM contact_inboxes WHERE inbox_id = ? AND source_id = ?").params(inboxId, sourceId)
                .query(ContactRepository::contactInbox).optional();
    }

    /** The contact inbox of a public path and its contact, in one read (the public API's hot path). */
    public Optional<PublicContact> findPublicContact(long inboxId, String sourceId) {
        return jdbc.sql("SELECT ci.id AS ci_id, ci.contact_id, ci.inbox_id, ci.source_id, ci.hmac_verified, ci.pubsub_token, "
                        + "c.id, c.account_id, c.name, c.email, c.phone_number, c.identifier, c.additional_attributes, c.custom_attributes, "
                        + "c.blocked, c.last_activity_at, c.created_at "
                        + "FROM contact_inboxes ci JOIN contacts c ON c.id = ci.contact_id WHERE ci.inbox_id = ? AND ci.source_id = ?")
                .params(inboxId, sourceId)
                .query((rs, i) -> new PublicContact(contactInbox(rs, "ci_id"), contact(rs, i)))
                .optional();
    }

    public Optional<ContactInboxView> findContactInbox(long id) {
        return jdbc.sql("SELECT " + CI_COLUMNS + " FROM contact_inboxes WHERE id = ?").param(id)
                .query(ContactRepository::contactInbox).optional();
    }

    public Optional<ContactInboxView> firstContactInbox(long contactId, long inboxId) {
        return jdbc.sql("SELECT " + CI_COLUMNS + " FROM contact_inboxes WHERE contact_id = ? AND inbox_id = ? ORDER BY id LIMIT 1")
                .params(contactId, inboxId).query(ContactRepository::contactInbox).optional();
    }

    public List<ContactInboxView> contactInboxes(long contactId) {
        return jdbc.sql("SELECT " + CI_COLUMNS + " FROM contact_inboxes WHERE contact_id = ? ORDER BY id").param(contactId)
                .query(ContactRepository::contactInbox).list();
    }

    public void touch(long contactId, java.time.Instant at) {
        jdbc.sql("UPDATE contacts SET last_activity_at = ? WHERE id = ?").params(Timestamp.from(at), contactId).update();
    }

    private ContactView contact(ResultSet rs, int row) throws SQLException {
        Timestamp last = rs.getTimestamp("last_activity_at");
        return new ContactView(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"), rs.getString("email"),
                rs.getString("phone_number"), rs.getString("identifier"), json.readMap(rs.getString("additional_attributes")),
                json.readMap(rs.getString("custom_attributes")), rs.getBoolean("blocked"), last == null ? null : last.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }

    private static ContactInboxView contactInbox(ResultSet rs, int row) throws SQLException {
        return contactInbox(rs, "id");
    }

    /** A contact inbox from its columns, its id read from {@code idColumn} (a join with contacts names it apart). */
    private static ContactInboxView contactInbox(ResultSet rs, String idColumn) throws SQLException {
        return new ContactInboxView(rs.getLong(idColumn), rs.getLong("contact_id"), rs.getLong("inbox_id"), rs.getString("source_id"),
                rs.getBoolean("hmac_verified"), rs.getString("pubsub_token"));
    }
}
