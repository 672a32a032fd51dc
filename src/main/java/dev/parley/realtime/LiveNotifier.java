package dev.parley.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends the {@link LiveBus}'s NOTIFYs after the changes they announce have committed, from one thread, many in one
 * statement. A NOTIFY inside a write transaction makes PostgreSQL serialise the commits of every such transaction
 * (it holds a global lock while committing); sending them here keeps the change's commit free of it. A push lost
 * to a crash between commit and send is harmless: pages re-read in full when their stream reconnects.
 */
@Component
class LiveNotifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveNotifier.class);
    private static final int BATCH = 200;
    private static final int QUEUE_LIMIT = 100_000;

    private final JdbcClient jdbc;
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    private volatile boolean running;
    private Thread thread;

    LiveNotifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues one payload; it goes out with the next batch (at once when the notifier is idle). */
    void send(String payload) {
        if (!queue.offer(payload)) log.warn("Live push dropped: {} pushes are waiting to be sent", QUEUE_LIMIT);
    }

    private void run() {
        List<String> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                String first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                jdbc.sql("SELECT count(pg_notify(?, payload)) FROM unnest(?::text[]) AS payload")
                        .params(LiveBus.CHANNEL, batch.toArray(String[]::new)).query(Long.class).single();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Live pushes not sent ({}): open pages catch up when they next reconnect", e.getMessage());
            } finally {
                batch.clear();
            }
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "reactor-live-notifier"); // reactor- threads use the reactors' connections
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread == null) return;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
