package dev.parley.account.persistence;

import dev.parley.account.CustomAttributeView;
import dev.parley.shared.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Custom attribute definitions in PostgreSQL. */
@Repository
public class CustomAttributeRepository {

    private static final String COLUMNS = """
            id, attribute_key, attribute_display_name, attribute_display_type, attribute_model, attribute_description,
            attribute_values, regex_pattern, regex_cue, default_value, created_at, updated_at""";
    private final JdbcClient jdbc;
    private final JsonCodec json;

    public CustomAttributeRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public CustomAttributeView insert(long accountId, CustomAttributeView d) {
        return jdbc.sql("""
                        INSERT INTO custom_attribute_definitions (account_id, attribute_key, attribute_display_name,
                            attribute_display_type, attribute_model, attribute_description, attribute_values, regex_pattern,
                            regex_cue, default_value)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) RETURNING\s""" + COLUMNS)
                .params(accountId, d.attributeKey(), d.attributeDisplayName(), d.attributeDisplayType(), d.attributeModel(),
                        d.attributeDescription(), json.write(d.attributeValues()), d.regexPattern(), d.regexCue(), d.defaultValue())
                .query(this::definition).single();
    }

    public void update(long id, CustomAttributeView d) {
        jdbc.sql("""
                        UPDATE custom_attribute_definitions SET attribute_display_name = ?, attribute_description = ?,
                            attribute_values = ?::jsonb, regex_pattern = ?, regex_cue = ?, default_value = ?, updated_at = now() WHERE id = ?""")
                .params(d.attributeDisplayName(), d.attributeDescription(), json.write(d.attributeValues()), d.regexPattern(),
                        d.regexCue(), d.defaultValue(), id)
                .update();
    }

    public Optional<CustomAttributeView> find(long accountId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM custom_attribute_definitions WHERE account_id = ? AND id = ?")
                .params(accountId, id).query(this::definition).optional();
    }

    public boolean keyTaken(long accountId, String model, String key) {
        return jdbc.sql("SELECT count(*) FROM custom_attribute_definitions WHERE account_id = ? AND attribute_model = ? AND attribute_key = ?")
                .params(accountId, model, key).query(Long.class).single() > 0;
    }

    public List<CustomAttributeView> all(long accountId, String model) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM custom_attribute_definitions WHERE account_id = ? AND (?::text IS NULL OR attribute_model = ?) ORDER BY id")
                .params(accountId, model, model).query(this::definition).list();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM custom_attribute_definitions WHERE id = ?").param(id).update();
    }

    private CustomAttributeView definition(ResultSet rs, int row) throws SQLException {
        return new CustomAttributeView(rs.getLong("id"), rs.getString("attribute_key"), rs.getString("attribute_display_name"),
                rs.getString("attribute_display_type"), rs.getString("attribute_model"), rs.getString("attribute_description"),
                json.readList(rs.getString("attribute_values")), rs.getString("regex_pattern"), rs.getString("regex_cue"),
                rs.getString("default_value"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
