package dev.parley.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Customers writing through the public API from a few threads, and an agent resolving each
 * conversation after three messages; records what the server acknowledged (2xx), so a test can check
 * after a crash that none of it was lost or stored twice. Failures (the server is gone) are retried.
 */
public final class CustomerLoad {

    /** A conversation and what the server acknowledged about it. */
    public static final class Conversation {
        public final Fixtures.Customer customer;
        public final long displayId;
        public final List<String> acknowledged = new CopyOnWriteArrayList<>();
        public volatile boolean resolved;

        Conversation(Fixtures.Customer customer, long displayId) {
            this.customer = customer;
            this.displayId = displayId;
        }
    }

    private final int port;
    private final Fixtures.Team team;
    private final Fixtures.Inbox inbox;
    private final Map<Long, Conversation> conversations = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    public CustomerLoad(int port, Fixtures.Team team, Fixtures.Inbox inbox) {
        this.port = port;
        this.team = team;
        this.inbox = inbox;
    }

    public void start(int customers, String tag) {
        running.set(true);
        for (int t = 0; t < customers; t++) {
            String name = tag + "-" + t;
            Thread thread = new Thread(() -> write(name), "load-" + name);
            threads.add(thread);
            thread.start();
        }
    }

    public void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) t.join(40_000);
        threads.clear();
    }

    public Collection<Conversation> conversations() {
        return conversations.values();
    }

    public long acknowledgedMessages() {
        return conversations.values().stream().mapToLong(c -> c.acknowledged.size()).sum();
    }

    private void write(String name) {
        Api publicApi = new Api(port, null);
        Fixtures.Customer customer = null;
        Conversation current = null;
        int sequence = 0;
        while (running.get()) {
            try {
                if (customer == null) customer = new Fixtures(port).customer(inbox, "Customer " + name);
                if (current == null) {
                    long id = publicApi.post(customer.conversationsPath(), Map.of()).expect(200).json().get("id").asLong();
                    current = new Conversation(customer, id);
                    conversations.put(id, current);
                }
                if (current.acknowledged.size() < 3) {
                    String content = "message " + name + "-" + (++sequence); // sent once: a retry gets a new number
                    publicApi.post(customer.conversationsPath() + "/" + current.displayId + "/messages", Map.of("content", content)).expect(200);
                    current.acknowledged.add(content);
                } else {
                    team.admin().post(team.path("/conversations/" + current.displayId + "/toggle_status"), Map.of("status", "resolved")).expect(200);
                    current.resolved = true;
                    current = null;
                }
            } catch (RuntimeException | AssertionError e) {
                pause(); // the server is down or restarting
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
