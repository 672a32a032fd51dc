package dev.parley.realtime;

import dev.parley.shared.JsonCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Component;

/**
 * Carries live pushes between nodes through PostgreSQL's NOTIFY. A push announced inside a transaction is sent
 * once that transaction has committed (never if it rolls back) by the {@link LiveNotifier}, which keeps NOTIFY
 * out of the change's own commit; PostgreSQL delivers it to every node, this one included, and
 * {@link LiveBusListener} hands it to the node's open streams.
 */
@Component
class LiveBus {

    static final String CHANNEL = "parley_live";
    private static final int MAX_TEXT = 200;

    private final LiveNotifier notifier;
    private final JsonCodec json;

    LiveBus(LiveNotifier notifier, JsonCodec json) {
        this.notifier = notifier;
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

    /** A message for a topic's subscribers (see {@link LiveTopics}). */
    void topic(String topic, String data) {
        send(Map.of("kind", "topic", "account", 0, "topic", bounded(topic), "data", data));
    }

    /** Hands one received push to this node's streams, or a topic's subscribers. */
    static void deliver(Map<String, Object> message, LiveStreams streams, LiveTopics topics) {
        if ("topic".equals(message.get("kind"))) {
            topics.deliver(String.valueOf(message.get("topic")), String.valueOf(message.get("data")));
            return;
        }
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
        String payload = json.write(message);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            notifier.send(payload);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                notifier.send(payload);
            }
        });
    }

    /** NOTIFY payloads are limited to 8,000 bytes. */
    private static String bounded(String text) {
        return text == null ? "" : text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
