package dev.parley.email.persistence;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where each inbox's IMAP import stands: the mailbox's UIDVALIDITY and the last UID imported. */
@Repository
public class ImapCursorRepository {

    /** The position in one mailbox. */
    public record Cursor(long uidValidity, long lastUid) {
    }

    private final JdbcClient jdbc;

    public ImapCursorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Cursor> find(long inboxId) {
        return jdbc.sql("SELECT uid_validity, last_uid FROM email_imap_cursors WHERE inbox_id = ?").param(inboxId)
                .query(Cursor.class).optional();
    }

    public void save(long inboxId, Cursor cursor) {
        jdbc.sql("""
                        INSERT INTO email_imap_cursors (inbox_id, uid_validity, last_uid) VALUES (?, ?, ?)
                        ON CONFLICT (inbox_id) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid, updated_at = now()""")
                .params(inboxId, cursor.uidValidity(), cursor.lastUid()).update();
    }
}
