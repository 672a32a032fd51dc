package dev.parley.attachment.persistence;

import dev.parley.attachment.AttachmentLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-account limits and the URL-signing secret. */
@Repository
public class LimitsRepository {

    private final JdbcClient jdbc;

    public LimitsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AttachmentLimits of(long accountId) {
        return jdbc.sql("SELECT max_file_bytes, max_files FROM attachment_limits WHERE account_id = ?").param(accountId)
                .query((rs, n) -> new AttachmentLimits(rs.getLong(1), rs.getInt(2))).optional().orElse(AttachmentLimits.DEFAULTS);
    }

    public void save(long accountId, AttachmentLimits limits) {
        jdbc.sql("""
                        INSERT INTO attachment_limits (account_id, max_file_bytes, max_files) VALUES (?, ?, ?)
                        ON CONFLICT (account_id) DO UPDATE SET max_file_bytes = excluded.max_file_bytes, max_files = excluded.max_files""")
                .params(accountId, limits.maxFileBytes(), limits.maxFiles()).update();
    }

    public String signingSecret() {
        return jdbc.sql("SELECT secret FROM attachment_secrets WHERE id = 1").query(String.class).single();
    }
}
