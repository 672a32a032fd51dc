package dev.parley.realtime;

import dev.parley.shared.JsonCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carries live pushes between nodes through PostgreSQL's NOTIFY. A push is sent inside the transaction of
 * the change it announces, so PostgreSQL delivers it exactly when that transaction commits (and never if it
 * rolls back), to every node, this one included; {@link LiveBusListener} hands it to the node's open streams.
 * No second connection is needed while the change's connection is held.
 */
@Component
class LiveBus {

    static final String CHANNEL = "parley_live";
    private static final int MAX_TEXT = 200;

    private final JdbcClient jdbc;
    private final JsonCodec json;

    LiveBus(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Something of the account changed: every page of the account re-reads what it shows. */
    void changed(long accountId, String what) {
        send(Map.of("kind", "changed", "account", accountId, "what", bounded(what)));
    }

    /** A passing signal (e.g. typing) for the account's pages, except those of one user (null: everyone). */
    void signal(long accountId, Long exceptUserId, String name, String data) {
        var message = new LinkedHashMap<String, Object>();
        message.put("kind", "signal");
        message.put("account", accountId);
        message.put("name", bounded(name));
        message.put("data", bounded(data));
        if (exceptUserId != null) message.put("except", exceptUserId);
        send(message);
    }

    /** A signal for one user's pages only. */
    void signalUser(long accountId, long userId, String name, String data) {
        send(Map.of("kind", "user", "account", accountId, "user", userId, "name", bounded(name), "data", bounded(data)));
    }

    /** Hands one received push to this node's streams. */
    static void deliver(Map<String, Object> message, LiveStreams streams) {
        long account = ((Number) message.get("account")).longValue();
        switch (String.valueOf(message.get("kind"))) {
            case "changed" -> streams.changed(account, String.valueOf(message.get("what")));
            case "signal" -> streams.signal(account, message.get("except") instanceof Number n ? n.longValue() : null,
                    String.valueOf(message.get("name")), String.valueOf(message.get("data")));
            case "user" -> streams.signalUser(account, ((Number) message.get("user")).longValue(), String.valueOf(message.get("name")),
                    String.valueOf(message.get("data")));
            default -> { }
        }
    }

    private void send(Map<String, Object> message) {
        // pg_notify joins the caller's transaction when there is one; without one it is sent at once
        jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, json.write(message)).query((rs, n) -> null).list();
    }

    /** NOTIFY payloads are limited to 8,000 bytes and a failed NOTIFY would abort the change's transaction. */
    private static String bounded(String text) {
        return text == null ? "" : text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
