package dev.parley.realtime;

import dev.parley.shared.JsonCodec;
import dev.parley.shared.NodeCaches;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's ear on the {@link LiveBus}: one connection that LISTENs and passes every push to the node's
 * open streams. When the connection drops it reconnects, and every open page re-reads in full, since
 * pushes sent while nobody listened are gone. It also LISTENs for the {@link NodeCaches} notices: while it does,
 * the node's caches may remember; when the connection drops or comes back, they forget everything.
 */
@Component
class LiveBusListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveBusListener.class);

    private final DataSource dataSource;
    private final LiveStreams streams;
    private final JsonCodec json;
    private final LiveTopics topics;
    private final NodeCaches nodeCaches;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    LiveBusListener(DataSource dataSource, LiveStreams streams, JsonCodec json, LiveTopics topics, NodeCaches nodeCaches) {
        this.topics = topics;
        this.nodeCaches = nodeCaches;
        this.dataSource = dataSource;
        this.streams = streams;
        this.json = json;
    }

    /** True once the LISTEN is in place (pushes sent from then on reach this node). */
    boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "parley-live-bus");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        nodeCaches.listening(false);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("LISTEN " + LiveBus.CHANNEL);
                statement.execute("LISTEN " + NodeCaches.CHANNEL);
                listening = true;
                nodeCaches.listening(true);
                if (reconnecting) streams.resyncAll();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications == null) continue;
                    for (PGNotification n : notifications) {
                        if (NodeCaches.CHANNEL.equals(n.getName())) nodeCaches.notice(n.getParameter());
                        else deliver(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                nodeCaches.listening(false);
                if (!running) return;
                log.warn("Live bus connection lost ({}); reconnecting", e.getMessage());
                reconnecting = true;
                sleepQuietly();
            }
        }
    }

    private void deliver(String payload) {
        try {
            LiveBus.deliver(json.readMap(payload), streams, topics);
        } catch (RuntimeException e) {
            log.debug("Ignored a live push that could not be read: {}", payload);
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
