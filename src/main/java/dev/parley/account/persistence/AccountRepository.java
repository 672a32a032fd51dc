package dev.parley.account.persistence;

import dev.parley.account.AccountView;
import dev.parley.account.AgentView;
import dev.parley.account.AuthenticatedUser;
import dev.parley.account.Availability;
import dev.parley.account.Role;
import dev.parley.account.UserView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import dev.parley.shared.NodeCaches;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts, users and account users in PostgreSQL. */
@Repository
public class AccountRepository {

    private static final String AGENT_COLUMNS = """
            u.id, au.account_id, u.name, u.display_name, u.email, au.role, au.availability, au.auto_offline,
            u.password_hash IS NOT NULL AS confirmed
            """;

    private final JdbcClient jdbc;

    private final NodeCaches caches;

    public AccountRepository(JdbcClient jdbc, NodeCaches caches) {
        this.jdbc = jdbc;
        this.caches = caches;
    }

    public AccountView insertAccount(String name, String locale, String domain, String supportEmail) {
        return jdbc.sql("""
                        INSERT INTO accounts (name, locale, domain, support_email) VALUES (?, ?, ?, ?)
                        RETURNING id, name, locale, domain, support_email, status, created_at""")
                .params(name, locale, domain, supportEmail).query(AccountRepository::account).single();
    }

    public Optional<AccountView> findAccount(long id) {
        return jdbc.sql("SELECT id, name, locale, domain, support_email, status, created_at FROM accounts WHERE id = ?")
                .param(id).query(AccountRepository::account).optional();
    }

    public Optional<AccountView> updateAccount(long id, String name, String locale, String domain, String supportEmail) {
        return jdbc.sql("""
                        UPDATE accounts SET name = coalesce(?, name), locale = coalesce(?, locale),
                               domain = coalesce(?, domain), support_email = coalesce(?, support_email), updated_at = now()
                        WHERE id = ? RETURNING id, name, locale, domain, support_email, status, created_at""")
                .params(name, locale, domain, supportEmail, id).query(AccountRepository::account).optional();
    }

    /** Deletes the account and all it holds; every node forgets the inboxes it remembered when this commits. */
    public boolean deleteAccount(long id) {
        boolean deleted = jdbc.sql("DELETE FROM accounts WHERE id = ?").param(id).update() > 0;
        if (deleted) caches.cache(NodeCaches.INBOX_IDENTIFIERS).changed(0);
        return deleted;
    }

    /** Empty when the email is taken, also by a concurrent insert the caller's check could not see. */
    public Optional<UserView> insertUser(String name, String displayName, String email, String passwordHash, String token) {
        return jdbc.sql("""
                        INSERT INTO users (name, display_name, email, password_hash, access_token) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING
                        RETURNING id, name, display_name, email, access_token""")
                .params(name, displayName, email, passwordHash, token).query(AccountRepository::user).optional();
    }

    public Optional<UserView> findUser(long id) {
        return jdbc.sql("SELECT id, name, display_name, email, access_token FROM users WHERE id = ?")
                .param(id).query(AccountRepository::user).optional();
    }

    public Optional<UserView> findUserByEmail(String email) {
        return jdbc.sql("SELECT id, name, display_name, email, access_token FROM users WHERE lower(email) = lower(?)")
                .param(email).query(AccountRepository::user).optional();
    }

    public void updatePassword(long userId, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = ?, updated_at = now() WHERE id = ?").params(passwordHash, userId).update();
    }

    public void updateAccessToken(long userId, String token) {
        jdbc.sql("UPDATE users SET access_token = ?, updated_at = now() WHERE id = ?").params(token, userId).update();
    }

    public Optional<String> passwordHash(long userId) {
        return jdbc.sql("SELECT password_hash FROM users WHERE id = ?").param(userId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(h -> h);
    }

    public Optional<AuthenticatedUser> findByToken(String token) {
        return jdbc.sql("SELECT id, name, email FROM users WHERE access_token = ?").param(token)
                .query((rs, n) -> new AuthenticatedUser(rs.getLong("id"), rs.getString("name"), rs.getString("email")))
                .optional();
    }

    public void updateUser(long id, String name, String displayName) {
        jdbc.sql("UPDATE users SET name = coalesce(?, name), display_name = coalesce(?, display_name), updated_at = now() WHERE id = ?")
                .params(name, displayName, id).update();
    }

    public void updateEmail(long id, String email) {
        jdbc.sql("UPDATE users SET email = ?, updated_at = now() WHERE id = ?").params(email, id).update();
    }

    public boolean deleteUser(long id) {
        return jdbc.sql("DELETE FROM users WHERE id = ?").param(id).update() > 0;
    }

    /** Adds or updates the membership; returns true when it was new. */
    public boolean upsertMembership(long accountId, long userId, Role role) {
        return jdbc.sql("""
                        INSERT INTO account_users (account_id, user_id, role) VALUES (?, ?, ?)
                        ON CONFLICT (account_id, user_id) DO UPDATE SET role = excluded.role
                        RETURNING (xmax = 0) AS inserted""")
                .params(accountId, userId, role.apiName()).query(Boolean.class).single();
    }

    public boolean deleteMembership(long accountId, long userId) {
        return jdbc.sql("DELETE FROM account_users WHERE account_id = ? AND user_id = ?").params(accountId, userId).update() > 0;
    }

    public Optional<AgentView> findAgent(long accountId, long userId) {
        return jdbc.sql("SELECT " + AGENT_COLUMNS + " FROM account_users au JOIN users u ON u.id = au.user_id WHERE au.account_id = ? AND au.user_id = ?")
                .params(accountId, userId).query(AccountRepository::agent).optional();
    }

    /** Reads the membership under a row lock, for a read-modify-write of availability. */
    public Optional<AgentView> lockAgent(long accountId, long userId) {
        return jdbc.sql("SELECT " + AGENT_COLUMNS + " FROM account_users au JOIN users u ON u.id = au.user_id WHERE au.account_id = ? AND au.user_id = ? FOR UPDATE OF au")
                .params(accountId, userId).query(AccountRepository::agent).optional();
    }

    public List<AgentView> agents(long accountId) {
        return jdbc.sql("SELECT " + AGENT_COLUMNS + " FROM account_users au JOIN users u ON u.id = au.user_id WHERE au.account_id = ? ORDER BY u.id")
                .param(accountId).query(AccountRepository::agent).list();
    }

    public List<AgentView> memberships(long userId) {
        return jdbc.sql("SELECT " + AGENT_COLUMNS + " FROM account_users au JOIN users u ON u.id = au.user_id WHERE au.user_id = ? ORDER BY au.account_id")
                .param(userId).query(AccountRepository::agent).list();
    }

    public void updateMembership(long accountId, long userId, Role role, Availability availability, Boolean autoOffline) {
        jdbc.sql("""
                        UPDATE account_users SET role = coalesce(?, role), availability = coalesce(?, availability),
                               auto_offline = coalesce(?, auto_offline)
                        WHERE account_id = ? AND user_id = ?""")
                .params(role == null ? null : role.apiName(), availability == null ? null : availability.apiName(),
                        autoOffline, accountId, userId)
                .update();
    }

    public long countAdministrators(long accountId) {
        return jdbc.sql("SELECT count(*) FROM account_users WHERE account_id = ? AND role = 'administrator'")
                .param(accountId).query(Long.class).single();
    }

    /** The user's session epoch; -1 when the user is gone. */
    public int sessionEpoch(long userId) {
        return jdbc.sql("SELECT session_epoch FROM users WHERE id = ?").param(userId).query(Integer.class).optional().orElse(-1);
    }

    /** Moves the user's session epoch on, ending every dashboard session signed in under the old one. */
    public int nextSessionEpoch(long userId) {
        return jdbc.sql("UPDATE users SET session_epoch = session_epoch + 1 WHERE id = ? RETURNING session_epoch").param(userId)
                .query(Integer.class).single();
    }

    private static AccountView account(ResultSet rs, int row) throws SQLException {
        return new AccountView(rs.getLong("id"), rs.getString("name"), rs.getString("locale"), rs.getString("domain"),
                rs.getString("support_email"), rs.getString("status"), rs.getTimestamp("created_at").toInstant());
    }

    private static UserView user(ResultSet rs, int row) throws SQLException {
        return new UserView(rs.getLong("id"), rs.getString("name"), rs.getString("display_name"), rs.getString("email"),
                rs.getString("access_token"));
    }

    private static AgentView agent(ResultSet rs, int row) throws SQLException {
        return new AgentView(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"), rs.getString("display_name"),
                rs.getString("email"), Role.fromApi(rs.getString("role")), Availability.fromApi(rs.getString("availability")),
                rs.getBoolean("auto_offline"), rs.getBoolean("confirmed"));
    }
}
