package dev.parley.realtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Named topics on the live bus for modules above (the website widget's streams): a message published inside a
 * transaction reaches every node's subscribers of its topic once the transaction has committed (through PostgreSQL's
 * NOTIFY, like the dashboards' pushes). A hint, not a record: a message lost to a crash or a dropped LISTEN
 * connection is not sent again, so subscribers keep what matters in the database and re-read it.
 */
@Component
public class LiveTopics {

    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private final LiveBus bus;

    LiveTopics(LiveBus bus) {
        this.bus = bus;
    }

    /** Sends {@code data} (at most 7,000 characters) to the topic's subscribers on every node, after the current transaction commits. */
    public void publish(String topic, String data) {
        if (data.length() > 7_000) throw new IllegalArgumentException("live topic messages are limited to 7,000 characters");
        bus.topic(topic, data);
    }

    public void subscribe(String topic, Consumer<String> subscriber) {
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(subscriber);
    }

    void deliver(String topic, String data) {
        subscribers.getOrDefault(topic, List.of()).forEach(s -> s.accept(data));
    }
}
