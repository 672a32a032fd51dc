package dev.parley.account.persistence;

import dev.parley.account.LabelView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Account labels in PostgreSQL. */
@Repository
public class LabelRepository {

    private static final String COLUMNS = "id, title, description, color, show_on_sidebar";
    private final JdbcClient jdbc;

    public LabelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public LabelView insert(long accountId, String title, String description, String color, boolean showOnSidebar) {
        return jdbc.sql("INSERT INTO labels (account_id, title, description, color, show_on_sidebar) VALUES (?, ?, ?, ?, ?) RETURNING " + COLUMNS)
                .params(accountId, title, description, color, showOnSidebar).query(LabelRepository::label).single();
    }

    public Optional<LabelView> find(long accountId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM labels WHERE account_id = ? AND id = ?").params(accountId, id)
                .query(LabelRepository::label).optional();
    }

    public boolean titleTaken(long accountId, String title, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM labels WHERE account_id = ? AND title = ? AND id <> coalesce(?, -1)")
                .params(accountId, title, exceptId).query(Long.class).single() > 0;
    }

    public List<LabelView> all(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM labels WHERE account_id = ? ORDER BY title").param(accountId)
                .query(LabelRepository::label).list();
    }

    public void update(long id, String title, String description, String color, Boolean showOnSidebar) {
        jdbc.sql("UPDATE labels SET title = coalesce(?, title), description = coalesce(?, description), color = coalesce(?, color), show_on_sidebar = coalesce(?, show_on_sidebar) WHERE id = ?")
                .params(title, description, color, showOnSidebar, id).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM labels WHERE id = ?").param(id).update();
    }

    private static LabelView label(ResultSet rs, int row) throws SQLException {
        return new LabelView(rs.getLong("id"), rs.getString("title"), rs.getString("description"), rs.getString("color"),
                rs.getBoolean("show_on_sidebar"));
    }
}
