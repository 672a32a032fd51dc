package dev.parley.email.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Outgoing mail, one row per message: written in the listener's transaction, claimed before sending, marked after. */
@Repository
public class OutboxRepository {

    /** One mail to send (or sent). */
    public record OutboxMail(long id, long accountId, long inboxId, long conversationId, long displayId, long messageId,
                             String mailMessageId, String status, int attempts, String lastError) {
    }

    private static final String COLUMNS = "id, account_id, inbox_id, conversation_id, display_id, message_id, mail_message_id, status, attempts, last_error";

    private final JdbcClient jdbc;

    public OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the message's mail unless it is there already (the listener may run twice); its Message-ID is fixed here. */
    public void add(long accountId, long inboxId, long conversationId, long displayId, long messageId, String mailMessageId, String status,
                    String error) {
        jdbc.sql("""
                        INSERT INTO email_outbox (account_id, inbox_id, conversation_id, display_id, message_id, mail_message_id, status, last_error)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING""")
                .params(accountId, inboxId, conversationId, displayId, messageId, mailMessageId, status, error).update();
    }

    /** Claims due mail for this node (committed before sending, so no other node or restart sends it again). */
    public List<OutboxMail> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                        UPDATE email_outbox SET status = 'sending', claimed_at = ?, attempts = attempts + 1
                        WHERE id IN (SELECT id FROM email_outbox WHERE status = 'pending' AND next_attempt_at <= ?
                                     ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + COLUMNS)
                .params(java.sql.Timestamp.from(now), java.sql.Timestamp.from(now), limit).query(OutboxMail.class).list();
    }

    public void markSent(long id) {
        jdbc.sql("UPDATE email_outbox SET status = 'sent', last_error = NULL WHERE id = ?").param(id).update();
    }

    public void retryAt(long id, Instant at, String error) {
        jdbc.sql("UPDATE email_outbox SET status = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(at), error, id).update();
    }

    public void markFailed(long id, String error) {
        jdbc.sql("UPDATE email_outbox SET status = 'failed', last_error = ? WHERE id = ?").params(error, id).update();
    }

    /**
     * Mail claimed before {@code before} and never marked: the server stopped while sending it. It may or may not
     * have left, so it is marked failed (the agent can send again) rather than sent a second time.
     */
    public List<OutboxMail> abandonedClaims(Instant before) {
        return jdbc.sql("""
                        UPDATE email_outbox SET status = 'failed',
                            last_error = 'the server stopped while sending this mail; it was not sent again to avoid a duplicate'
                        WHERE status = 'sending' AND claimed_at < ? RETURNING\s""" + COLUMNS)
                .param(java.sql.Timestamp.from(before)).query(OutboxMail.class).list();
    }

    public Optional<OutboxMail> byMailMessageId(long inboxId, String mailMessageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM email_outbox WHERE inbox_id = ? AND mail_message_id = ?")
                .params(inboxId, mailMessageId).query(OutboxMail.class).optional();
    }

    /** Message-IDs of the mail Parley sent in a conversation, oldest first (for References). */
    public List<String> sentIds(long conversationId) {
        return jdbc.sql("SELECT mail_message_id FROM email_outbox WHERE conversation_id = ? AND status = 'sent' ORDER BY id")
                .param(conversationId).query(String.class).list();
    }

    public Optional<OutboxMail> byMessage(long messageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM email_outbox WHERE message_id = ?").param(messageId).query(OutboxMail.class).optional();
    }
}
