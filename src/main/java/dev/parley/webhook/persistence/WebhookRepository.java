package dev.parley.webhook.persistence;

import dev.parley.shared.JsonCodec;
import dev.parley.webhook.WebhookView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook subscriptions in PostgreSQL. */
@Repository
public class WebhookRepository {

    private static final String COLUMNS = "id, account_id, inbox_id, name, url, subscriptions, secret, created_at";
    private final JdbcClient jdbc;
    private final JsonCodec json;

    public WebhookRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public WebhookView insert(WebhookView w) {
        long id = jdbc.sql("INSERT INTO webhooks (account_id, inbox_id, name, url, subscriptions, secret) VALUES (?, ?, ?, ?, ?::jsonb, ?) RETURNING id")
                .params(w.accountId(), w.inboxId(), w.name(), w.url(), json.write(w.subscriptions()), w.secret()).query(Long.class).single();
        return find(w.accountId(), id).orElseThrow();
    }

    public void update(WebhookView w) {
        jdbc.sql("UPDATE webhooks SET name = ?, url = ?, subscriptions = ?::jsonb, inbox_id = ?, updated_at = now() WHERE id = ?")
                .params(w.name(), w.url(), json.write(w.subscriptions()), w.inboxId(), w.id()).update();
    }

    public Optional<WebhookView> find(long accountId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhooks WHERE account_id = ? AND id = ?").params(accountId, id).query(this::webhook).optional();
    }

    public boolean urlTaken(long accountId, String url, long exceptId) {
        return jdbc.sql("SELECT count(*) FROM webhooks WHERE account_id = ? AND url = ? AND id <> ?").params(accountId, url, exceptId)
                .query(Long.class).single() > 0;
    }

    public List<WebhookView> all(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhooks WHERE account_id = ? ORDER BY id").param(accountId).query(this::webhook).list();
    }

    /** Webhooks of the account subscribed to the event (inbox webhooks only for their inbox). */
    public List<WebhookView> subscribed(long accountId, String event, Long inboxId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhooks WHERE account_id = ? AND subscriptions @> jsonb_build_array(?::text) AND (inbox_id IS NULL OR inbox_id = ?)")
                .params(accountId, event, inboxId).query(this::webhook).list();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM webhooks WHERE id = ?").param(id).update();
    }

    @SuppressWarnings("unchecked")
    private WebhookView webhook(ResultSet rs, int row) throws SQLException {
        return new WebhookView(rs.getLong("id"), rs.getLong("account_id"), (Long) rs.getObject("inbox_id"), rs.getString("name"),
                rs.getString("url"), (List<String>) (List<?>) json.readList(rs.getString("subscriptions")), rs.getString("secret"),
                rs.getTimestamp("created_at").toInstant());
    }
}
