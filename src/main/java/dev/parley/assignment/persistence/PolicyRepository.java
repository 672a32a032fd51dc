package dev.parley.assignment.persistence;

import dev.parley.assignment.AssignmentPolicyView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assignment policies and their inboxes in PostgreSQL. */
@Repository
public class PolicyRepository {

    private static final String COLUMNS = """
            p.id, p.account_id, p.name, p.description, p.assignment_order, p.conversation_priority, p.fair_distribution_limit,
            p.fair_distribution_window, p.account_capacity_limit, p.enabled, p.created_at, p.updated_at""";
    private final JdbcClient jdbc;

    public PolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AssignmentPolicyView insert(AssignmentPolicyView p) {
        long id = jdbc.sql("""
                        INSERT INTO assignment_policies (account_id, name, description, assignment_order, conversation_priority,
                            fair_distribution_limit, fair_distribution_window, account_capacity_limit, enabled)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(p.accountId(), p.name(), p.description(), p.assignmentOrder(), p.conversationPriority(), p.fairDistributionLimit(),
                        p.fairDistributionWindow(), p.accountCapacityLimit(), p.enabled())
                .query(Long.class).single();
        return find(p.accountId(), id).orElseThrow();
    }

    public void update(AssignmentPolicyView p) {
        jdbc.sql("""
                        UPDATE assignment_policies SET name = ?, description = ?, assignment_order = ?, conversation_priority = ?,
                            fair_distribution_limit = ?, fair_distribution_window = ?, account_capacity_limit = ?, enabled = ?, updated_at = now()
                        WHERE id = ?""")
                .params(p.name(), p.description(), p.assignmentOrder(), p.conversationPriority(), p.fairDistributionLimit(),
                        p.fairDistributionWindow(), p.accountCapacityLimit(), p.enabled(), p.id())
                .update();
    }

    public Optional<AssignmentPolicyView> find(long accountId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assignment_policies p WHERE p.account_id = ? AND p.id = ?").params(accountId, id)
                .query(PolicyRepository::policy).optional();
    }

    public boolean nameTaken(long accountId, String name, long exceptId) {
        return jdbc.sql("SELECT count(*) FROM assignment_policies WHERE account_id = ? AND name = ? AND id <> ?")
                .params(accountId, name, exceptId).query(Long.class).single() > 0;
    }

    public List<AssignmentPolicyView> all(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assignment_policies p WHERE p.account_id = ? ORDER BY p.id").param(accountId)
                .query(PolicyRepository::policy).list();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM assignment_policies WHERE id = ?").param(id).update();
    }

    public Optional<AssignmentPolicyView> ofInbox(long inboxId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assignment_policies p JOIN inbox_assignment_policies l ON l.policy_id = p.id WHERE l.inbox_id = ?")
                .param(inboxId).query(PolicyRepository::policy).optional();
    }

    public List<Long> inboxIds(long policyId) {
        return jdbc.sql("SELECT inbox_id FROM inbox_assignment_policies WHERE policy_id = ? ORDER BY inbox_id").param(policyId)
                .query(Long.class).list();
    }

    public void link(long inboxId, long policyId) {
        jdbc.sql("""
                        INSERT INTO inbox_assignment_policies (inbox_id, policy_id) VALUES (?, ?)
                        ON CONFLICT (inbox_id) DO UPDATE SET policy_id = excluded.policy_id""")
                .params(inboxId, policyId).update();
    }

    public boolean unlink(long inboxId) {
        return jdbc.sql("DELETE FROM inbox_assignment_policies WHERE inbox_id = ?").param(inboxId).update() > 0;
    }

    private static AssignmentPolicyView policy(ResultSet rs, int row) throws SQLException {
        return new AssignmentPolicyView(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"), rs.getString("description"),
                rs.getString("assignment_order"), rs.getString("conversation_priority"), rs.getInt("fair_distribution_limit"),
                rs.getInt("fair_distribution_window"), (Integer) rs.getObject("account_capacity_limit"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
