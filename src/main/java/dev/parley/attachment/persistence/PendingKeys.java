package dev.parley.attachment.persistence;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage keys whose bytes may have no row: written down (in a transaction of its own) before the bytes are put,
 * crossed out in the transaction that writes the attachment row. What is left after a while is an orphan.
 */
@Repository
public class PendingKeys {

    private final JdbcClient jdbc;

    public PendingKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String key) {
        jdbc.sql("INSERT INTO attachment_pending_keys (storage_key) VALUES (?) ON CONFLICT DO NOTHING").param(key).update();
    }

    /** Keys to be removed at once (a deleted message's files): dated far back so the cleanup takes them first. */
    public void addDue(Collection<String> keys) {
        for (String key : keys) {
            jdbc.sql("INSERT INTO attachment_pending_keys (storage_key, created_at) VALUES (?, 'epoch') ON CONFLICT (storage_key)"
                    + " DO UPDATE SET created_at = 'epoch'").param(key).update();
        }
    }

    public void remove(Collection<String> keys) {
        if (keys.isEmpty()) return;
        jdbc.sql("DELETE FROM attachment_pending_keys WHERE storage_key = ANY(?)").param(keys.toArray(String[]::new)).update();
    }

    public List<String> olderThan(Duration age, int limit) {
        return jdbc.sql("SELECT storage_key FROM attachment_pending_keys WHERE created_at < now() - make_interval(secs => ?)"
                        + " ORDER BY created_at LIMIT ?")
                .params(age.toSeconds(), limit).query(String.class).list();
    }
}
