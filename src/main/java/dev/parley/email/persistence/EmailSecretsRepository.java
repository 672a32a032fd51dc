package dev.parley.email.persistence;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An email inbox's sealed passwords, its raw endpoint secret and forward token. */
@Repository
public class EmailSecretsRepository {

    /** One inbox's secrets (passwords still sealed). */
    public record Secrets(long inboxId, String imapPassword, String smtpPassword, String inboundSecret, String forwardToken) {
    }

    private final JdbcClient jdbc;

    public EmailSecretsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Secrets> find(long inboxId) {
        return jdbc.sql("SELECT inbox_id, imap_password, smtp_password, inbound_secret, forward_token FROM email_inbox_secrets WHERE inbox_id = ?")
                .param(inboxId).query(Secrets.class).optional();
    }

    public Optional<Secrets> byForwardToken(String token) {
        return jdbc.sql("SELECT inbox_id, imap_password, smtp_password, inbound_secret, forward_token FROM email_inbox_secrets WHERE forward_token = ?")
                .param(token).query(Secrets.class).optional();
    }

    public void create(long inboxId, String inboundSecret, String forwardToken) {
        jdbc.sql("INSERT INTO email_inbox_secrets (inbox_id, inbound_secret, forward_token) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(inboxId, inboundSecret, forwardToken).update();
    }

    public void setImapPassword(long inboxId, String sealed) {
        jdbc.sql("UPDATE email_inbox_secrets SET imap_password = ? WHERE inbox_id = ?").params(sealed, inboxId).update();
    }

    public void setSmtpPassword(long inboxId, String sealed) {
        jdbc.sql("UPDATE email_inbox_secrets SET smtp_password = ? WHERE inbox_id = ?").params(sealed, inboxId).update();
    }
}
