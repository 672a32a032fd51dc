package dev.parley.attachment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Attachment rows in PostgreSQL. */
@Repository
public class AttachmentRepository {

    private static final String COLUMNS = "id, account_id, message_id, file_type, file_name, content_type, file_size, width, height, storage_key, thumb_key";

    private final JdbcClient jdbc;

    public AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public StoredAttachment insert(StoredAttachment a) {
        return jdbc.sql("INSERT INTO attachments (account_id, message_id, file_type, file_name, content_type, file_size, width, height,"
                        + " storage_key, thumb_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)
                .params(a.accountId(), a.messageId(), a.fileType(), a.fileName(), a.contentType(), a.fileSize(), a.width(), a.height(),
                        a.storageKey(), a.thumbKey())
                .query(AttachmentRepository::row).single();
    }

    public Optional<StoredAttachment> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM attachments WHERE id = ?").param(id).query(AttachmentRepository::row).optional();
    }

    public List<StoredAttachment> ofMessages(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) return List.of();
        return jdbc.sql("SELECT " + COLUMNS + " FROM attachments WHERE message_id = ANY(?) ORDER BY id")
                .param(messageIds.toArray(Long[]::new)).query(AttachmentRepository::row).list();
    }

    /** Deletes the message's rows and returns them, so their bytes can be removed after commit. */
    public List<StoredAttachment> deleteOfMessage(long messageId) {
        return jdbc.sql("DELETE FROM attachments WHERE message_id = ? RETURNING " + COLUMNS).param(messageId)
                .query(AttachmentRepository::row).list();
    }

    static StoredAttachment row(ResultSet rs, int n) throws SQLException {
        return new StoredAttachment(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("message_id"), rs.getString("file_type"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("file_size"), (Integer) rs.getObject("width"),
                (Integer) rs.getObject("height"), rs.getString("storage_key"), rs.getString("thumb_key"));
    }
}
