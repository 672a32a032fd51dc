package dev.parley.account.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Password links (invitations, resets), found by the SHA-256 of their token. */
@Repository
public class PasswordLinkRepository {

    /** A stored link: whose, what for, and whether it was used or has expired. */
    public record StoredLink(long userId, String purpose, Instant expiresAt, Instant usedAt) {
    }

    private final JdbcClient jdbc;

    public PasswordLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new link; the user's earlier unused links for the same purpose expire now (only the newest works). */
    public void insert(long userId, String purpose, String tokenSha256, Instant now, Instant expiresAt) {
        jdbc.sql("UPDATE password_links SET expires_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?")
                .params(ts(now), userId, purpose, ts(now)).update();
        jdbc.sql("INSERT INTO password_links (user_id, purpose, token_sha256, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(userId, purpose, tokenSha256, ts(now), ts(expiresAt)).update();
    }

    public Optional<StoredLink> find(String tokenSha256) {
        return jdbc.sql("SELECT user_id, purpose, expires_at, used_at FROM password_links WHERE token_sha256 = ?").param(tokenSha256)
                .query((rs, n) -> new StoredLink(rs.getLong("user_id"), rs.getString("purpose"), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant()))
                .optional();
    }

    /** Marks the link used if it is still unused and unexpired, in one statement, so two clicks cannot both use it. */
    public Optional<Long> use(String tokenSha256, Instant now) {
        return jdbc.sql("""
                        UPDATE password_links SET used_at = ? WHERE token_sha256 = ? AND used_at IS NULL AND expires_at > ?
                        RETURNING user_id""")
                .params(ts(now), tokenSha256, ts(now)).query(Long.class).optional();
    }

    /** The account's members who never set a password (invited, not yet joined). */
    public Set<Long> withoutPassword(long accountId) {
        return Set.copyOf(jdbc.sql("""
                        SELECT u.id FROM users u JOIN account_users au ON au.user_id = u.id
                        WHERE au.account_id = ? AND u.password_hash IS NULL""")
                .param(accountId).query(Long.class).list());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
