package dev.parley.account.persistence;

import dev.parley.account.TeamView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Teams and team members in PostgreSQL. */
@Repository
public class TeamRepository {

    private static final String COLUMNS = "id, account_id, name, description, allow_auto_assign";
    private final JdbcClient jdbc;

    public TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public TeamView insert(long accountId, String name, String description, boolean allowAutoAssign) {
        return jdbc.sql("INSERT INTO teams (account_id, name, description, allow_auto_assign) VALUES (?, ?, ?, ?) RETURNING " + COLUMNS)
                .params(accountId, name, description, allowAutoAssign).query(TeamRepository::team).single();
    }

    public Optional<TeamView> find(long accountId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM teams WHERE account_id = ? AND id = ?").params(accountId, id)
                .query(TeamRepository::team).optional();
    }

    public boolean nameTaken(long accountId, String name, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM teams WHERE account_id = ? AND name = ? AND id <> coalesce(?, -1)")
                .params(accountId, name, exceptId).query(Long.class).single() > 0;
    }

    public List<TeamView> all(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM teams WHERE account_id = ? ORDER BY id").param(accountId)
                .query(TeamRepository::team).list();
    }

    public void update(long id, String name, String description, Boolean allowAutoAssign) {
        jdbc.sql("UPDATE teams SET name = coalesce(?, name), description = coalesce(?, description), allow_auto_assign = coalesce(?, allow_auto_assign) WHERE id = ?")
                .params(name, description, allowAutoAssign, id).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM teams WHERE id = ?").param(id).update();
    }

    public List<Long> memberIds(long teamId) {
        return jdbc.sql("SELECT user_id FROM team_members WHERE team_id = ? ORDER BY user_id").param(teamId).query(Long.class).list();
    }

    public List<Long> teamIdsOf(long accountId, long userId) {
        return jdbc.sql("SELECT t.id FROM teams t JOIN team_members m ON m.team_id = t.id WHERE t.account_id = ? AND m.user_id = ?")
                .params(accountId, userId).query(Long.class).list();
    }

    public void addMembers(long teamId, Collection<Long> userIds) {
        userIds.forEach(u -> jdbc.sql("INSERT INTO team_members (team_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING").params(teamId, u).update());
    }

    public void removeMembers(long teamId, Collection<Long> userIds) {
        userIds.forEach(u -> jdbc.sql("DELETE FROM team_members WHERE team_id = ? AND user_id = ?").params(teamId, u).update());
    }

    private static TeamView team(ResultSet rs, int row) throws SQLException {
        return new TeamView(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"), rs.getString("description"),
                rs.getBoolean("allow_auto_assign"));
    }
}
