package dev.parley.conversation.persistence;

import dev.parley.conversation.CustomFilterView;
import dev.parley.shared.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Saved filters in PostgreSQL, always read for their owner. */
@Repository
public class CustomFilterRepository {

    private static final String COLUMNS = "id, account_id, user_id, name, filter_type, query, created_at, updated_at";
    private final JdbcClient jdbc;
    private final JsonCodec json;

    public CustomFilterRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public CustomFilterView insert(long accountId, long userId, String name, String type, Map<String, Object> query) {
        return jdbc.sql("INSERT INTO custom_filters (account_id, user_id, name, filter_type, query) VALUES (?, ?, ?, ?, ?::jsonb) RETURNING " + COLUMNS)
                .params(accountId, userId, name, type, json.write(query)).query(this::row).single();
    }

    public void update(long id, String name, Map<String, Object> query) {
        jdbc.sql("UPDATE custom_filters SET name = coalesce(?, name), query = coalesce(?::jsonb, query), updated_at = now() WHERE id = ?")
                .params(name, query == null ? null : json.write(query), id).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM custom_filters WHERE id = ?").param(id).update();
    }

    public Optional<CustomFilterView> find(long accountId, long userId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM custom_filters WHERE account_id = ? AND user_id = ? AND id = ?").params(accountId, userId, id)
                .query(this::row).optional();
    }

    public List<CustomFilterView> all(long accountId, long userId, String type) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM custom_filters WHERE account_id = ? AND user_id = ? AND (?::text IS NULL OR filter_type = ?)"
                        + " ORDER BY id").params(accountId, userId, type, type).query(this::row).list();
    }

    private CustomFilterView row(ResultSet rs, int n) throws SQLException {
        return new CustomFilterView(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("user_id"), rs.getString("name"),
                rs.getString("filter_type"), json.readMap(rs.getString("query")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
