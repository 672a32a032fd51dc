package dev.parley.attachment.persistence;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Files kept for automation rules (Chatwoot's blobs uploaded with attach_file), until a rule sends a copy. */
@Repository
public class KeptFileRepository {

    public record KeptFile(long id, long accountId, String fileName, String contentType, long fileSize, String storageKey) {
    }

    private final JdbcClient jdbc;

    public KeptFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long accountId, String fileName, String contentType, long fileSize, String storageKey) {
        return jdbc.sql("INSERT INTO attachment_blobs (account_id, file_name, content_type, file_size, storage_key) VALUES (?, ?, ?, ?, ?)"
                        + " RETURNING id")
                .params(accountId, fileName, contentType, fileSize, storageKey).query(Long.class).single();
    }

    /** The account's kept files among these ids, in the order asked; ids of other accounts are not found. */
    public List<KeptFile> find(long accountId, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("SELECT id, account_id, file_name, content_type, file_size, storage_key FROM attachment_blobs"
                        + " WHERE account_id = ? AND id = ANY(?) ORDER BY array_position(?, id)")
                .params(accountId, ids.toArray(Long[]::new), ids.toArray(Long[]::new))
                .query((rs, n) -> new KeptFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6)))
                .list();
    }
}
