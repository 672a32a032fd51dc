package dev.parley.email.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mail received per inbox, one row per Message-ID (or content hash): the exactly-once guard and the failed-mail shelf. */
@Repository
public class ReceivedMailRepository {

    /** A mail that could not be imported, for administrators. */
    public record FailedMail(long id, String messageKey, String status, String error, Instant receivedAt, int size) {
    }

    private final JdbcClient jdbc;

    public ReceivedMailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the mail for this transaction; empty when it was received before (a concurrent claim of the same key
     * waits for the first to commit or roll back).
     */
    public Optional<Long> claim(long inboxId, String key, boolean automatic) {
        return jdbc.sql("""
                        INSERT INTO email_received (inbox_id, message_key, status, automatic) VALUES (?, ?, 'importing', ?)
                        ON CONFLICT (inbox_id, message_key) DO NOTHING RETURNING id""")
                .params(inboxId, key, automatic).query(Long.class).optional();
    }

    public void markImported(long id, long conversationId, long messageId) {
        jdbc.sql("UPDATE email_received SET status = 'imported', conversation_id = ?, message_id = ? WHERE id = ?")
                .params(conversationId, messageId, id).update();
    }

    public void mark(long id, String status, byte[] raw, String error) {
        jdbc.sql("UPDATE email_received SET status = ?, raw = ?, error = ? WHERE id = ?").params(status, raw, error, id).update();
    }

    /** Keeps a mail that could not be imported (raw, with the reason); a second failure of the same mail changes nothing. */
    public void recordFailure(long inboxId, String key, byte[] raw, String error) {
        jdbc.sql("""
                        INSERT INTO email_received (inbox_id, message_key, status, raw, error) VALUES (?, ?, 'failed', ?, ?)
                        ON CONFLICT (inbox_id, message_key) DO NOTHING""")
                .params(inboxId, key, raw, error.length() > 2000 ? error.substring(0, 2000) : error).update();
    }

    /** The conversation that imported one of these keys in the inbox, nearest key first. */
    public Optional<Long> conversationOf(long inboxId, List<String> keys) {
        for (String key : keys) {
            var found = jdbc.sql("SELECT conversation_id FROM email_received WHERE inbox_id = ? AND message_key = ? AND conversation_id IS NOT NULL")
                    .params(inboxId, key).query(Long.class).optional();
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    /** Message-IDs of the mail imported into a conversation, oldest first (for In-Reply-To and References). */
    public List<String> receivedIds(long conversationId) {
        return jdbc.sql("""
                        SELECT substr(message_key, 4) FROM email_received WHERE conversation_id = ? AND status = 'imported'
                        AND message_key LIKE 'id:%' AND message_key NOT LIKE 'id:sha256:%' ORDER BY id""")
                .param(conversationId).query(String.class).list();
    }

    /** Whether the latest mail imported into the conversation was automatic (an auto-reply, bulk mail, a bounce). */
    public boolean lastWasAutomatic(long conversationId) {
        return jdbc.sql("SELECT automatic FROM email_received WHERE conversation_id = ? ORDER BY id DESC LIMIT 1")
                .param(conversationId).query(Boolean.class).optional().orElse(false);
    }

    public List<FailedMail> notImported(long inboxId) {
        return jdbc.sql("""
                        SELECT id, message_key, status, error, received_at, coalesce(octet_length(raw), 0) AS size FROM email_received
                        WHERE inbox_id = ? AND status IN ('failed', 'refused') ORDER BY id DESC LIMIT 200""")
                .param(inboxId).query(FailedMail.class).list();
    }

    public Optional<byte[]> raw(long inboxId, long id) {
        return jdbc.sql("SELECT raw FROM email_received WHERE inbox_id = ? AND id = ? AND raw IS NOT NULL").params(inboxId, id)
                .query(byte[].class).optional();
    }

    public long count(long inboxId, Collection<String> statuses) {
        return jdbc.sql("SELECT count(*) FROM email_received WHERE inbox_id = ? AND status IN (:s)".replace(":s",
                String.join(",", statuses.stream().map(s -> "'" + s.replace("'", "") + "'").toList()))).param(inboxId).query(Long.class).single();
    }

    /** Serialises the creation of a contact for one sender address in an account (two mails of a new sender at once). */
    public void lockSender(long accountId, String email) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('email-sender:' || ? || ':' || lower(?)))").params(accountId, email)
                .query(Object.class).optional();
    }
}
