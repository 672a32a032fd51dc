package dev.parley.account.persistence;

import dev.parley.account.CannedResponseView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Canned responses in PostgreSQL. */
@Repository
public class CannedResponseRepository {

    private static final String COLUMNS = "id, account_id, short_code, content, created_at, updated_at";
    private final JdbcClient jdbc;

    public CannedResponseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CannedResponseView insert(long accountId, String shortCode, String content) {
        return jdbc.sql("INSERT INTO canned_responses (account_id, short_code, content) VALUES (?, ?, ?) RETURNING " + COLUMNS)
                .params(accountId, shortCode, content).query(CannedResponseRepository::row).single();
    }

    public void update(long id, String shortCode, String content) {
        jdbc.sql("UPDATE canned_responses SET short_code = coalesce(?, short_code), content = coalesce(?, content), updated_at = now() WHERE id = ?")
                .params(shortCode, content, id).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM canned_responses WHERE id = ?").param(id).update();
    }

    public Optional<CannedResponseView> find(long accountId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM canned_responses WHERE account_id = ? AND id = ?").params(accountId, id)
                .query(CannedResponseRepository::row).optional();
    }

    public boolean shortCodeTaken(long accountId, String shortCode, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM canned_responses WHERE account_id = ? AND short_code = ? AND id <> coalesce(?, -1)")
                .params(accountId, shortCode, exceptId).query(Long.class).single() > 0;
    }

    /** Chatwoot's search: short codes starting with the text first, then content containing it. */
    public List<CannedResponseView> search(long accountId, String text, int limit) {
        if (text == null || text.isBlank()) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM canned_responses WHERE account_id = ? ORDER BY short_code LIMIT ?")
                    .params(accountId, limit).query(CannedResponseRepository::row).list();
        }
        String like = text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return jdbc.sql("""
                        SELECT %s FROM canned_responses WHERE account_id = ? AND (short_code ILIKE ? || '%%' OR content ILIKE '%%' || ? || '%%')
                        ORDER BY (short_code ILIKE ? || '%%') DESC, short_code LIMIT ?""".formatted(COLUMNS))
                .params(accountId, like, like, like, limit).query(CannedResponseRepository::row).list();
    }

    private static CannedResponseView row(ResultSet rs, int n) throws SQLException {
        return new CannedResponseView(rs.getLong("id"), rs.getLong("account_id"), rs.getString("short_code"), rs.getString("content"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
