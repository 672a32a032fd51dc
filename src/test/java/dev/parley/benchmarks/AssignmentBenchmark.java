package dev.parley.benchmarks;

import dev.parley.assignment.application.AutoAssignment;
import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.NewConversation;
import dev.parley.shared.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Load benchmark of auto-assignment (not part of {@code ./mvnw verify}; run it with
 * {@code ./mvnw test -Dtest=AssignmentBenchmark}). Prints the numbers recorded in docs/benchmarks.md.
 *
 * <p>1. Backfill: 200 online agents (limit 50 each) and 10,000 waiting conversations; one routing
 * pass assigns them all through the real command path (row lock, activity line, events).
 * <p>2. Delay: 200 agents at their limit (5), a queue of waiting conversations, a steady stream of
 * 50 new conversations and 50 resolutions per second for 20 s; for each resolution, the time until
 * the freed agent is handed the next waiting conversation.
 */
@SpringBootTest(properties = {"parley.data-dir=", "parley.assignment.sweep-initial-delay=PT1H", "logging.level.root=WARN"})
class AssignmentBenchmark {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AutoAssignment assignment;
    @Autowired
    ConversationManagement conversations;

    @Test
    void backfillAndDelay() throws Exception {
        backfill();
        delayUnderSteadyStream();
    }

    void backfill() {
        Seed seed = seed(200, 50);
        seedWaiting(seed, 10_000);
        long start = System.nanoTime();
        int assigned = assignment.assignWaiting(seed.accountId, seed.inboxId);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH backfill: %d assignments in %.2f s = %.0f assignments/s%n", assigned, seconds, assigned / seconds);
    }

    void delayUnderSteadyStream() throws Exception {
        Seed seed = seed(200, 5);
        seedWaiting(seed, 1_200);
        assignment.assignWaiting(seed.accountId, seed.inboxId);
        Map<Long, List<Instant>> resolvedAt = new ConcurrentHashMap<>();
        Random random = new Random(42);
        ScheduledExecutorService ticker = Executors.newScheduledThreadPool(4);
        Instant begin = Instant.now();
        var task = ticker.scheduleAtFixedRate(() -> {
            try {
                var c = conversations.create(new NewConversation(seed.accountId, seed.inboxId, seed.contactId, seed.contactInboxId, null, null,
                        null, null, null), Actor.system());
                List<long[]> open = jdbc.sql("SELECT display_id, assignee_id FROM conversations WHERE account_id = ? AND status = 'open' AND assignee_id IS NOT NULL LIMIT 200")
                        .param(seed.accountId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
                if (!open.isEmpty()) {
                    long[] pick = open.get(random.nextInt(open.size()));
                    conversations.changeStatus(seed.accountId, pick[0], ConversationStatus.RESOLVED, null, Actor.system(), false);
                    resolvedAt.computeIfAbsent(pick[1], k -> Collections.synchronizedList(new ArrayList<>())).add(Instant.now());
                }
                if (c == null) throw new IllegalStateException();
            } catch (RuntimeException e) {
                System.out.println("BENCH tick failed: " + e.getMessage());
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        Thread.sleep(Duration.ofSeconds(20).toMillis());
        task.cancel(false);
        ticker.shutdown();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        Thread.sleep(2000);
        List<Long> delays = new ArrayList<>();
        resolvedAt.forEach((agent, times) -> {
            List<Instant> assignedAt = jdbc.sql("SELECT assigned_at FROM auto_assignments WHERE user_id = ? AND assigned_at > ? ORDER BY assigned_at")
                    .params(agent, java.sql.Timestamp.from(begin)).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
            int next = 0;
            for (Instant resolved : times) {
                while (next < assignedAt.size() && assignedAt.get(next).isBefore(resolved)) next++;
                if (next < assignedAt.size()) delays.add(Duration.between(resolved, assignedAt.get(next++)).toMillis());
            }
        });
        Collections.sort(delays);
        System.out.printf("BENCH delay room->assigned over %d resolutions: median %d ms, p99 %d ms, max %d ms%n", delays.size(),
                delays.get(delays.size() / 2), delays.get((int) Math.floor(delays.size() * 0.99)), delays.get(delays.size() - 1));
    }

    record Seed(long accountId, long inboxId, long contactId, long contactInboxId) {
    }

    /** Account, inbox, agents online (no heartbeat needed), one contact: written with SQL to keep set-up short. */
    Seed seed(int agents, int limit) {
        long account = jdbc.sql("INSERT INTO accounts (name) VALUES ('bench') RETURNING id").query(Long.class).single();
        long inbox = jdbc.sql("INSERT INTO inboxes (account_id, name, inbox_identifier, hmac_token, auto_assignment_config) VALUES (?, 'bench', ?, 'x', ?::jsonb) RETURNING id")
                .params(account, "bench-" + account, "{\"max_assignment_limit\": " + limit + "}").query(Long.class).single();
        for (int i = 0; i < agents; i++) {
            long user = jdbc.sql("INSERT INTO users (name, email, access_token) VALUES (?, ?, ?) RETURNING id")
                    .params("Agent " + i, "agent" + i + "." + account + "@bench.test", "bench-" + account + "-" + i).query(Long.class).single();
            jdbc.sql("INSERT INTO account_users (account_id, user_id, role, availability, auto_offline) VALUES (?, ?, 'agent', 'online', false)")
                    .params(account, user).update();
            jdbc.sql("INSERT INTO agent_presence (account_id, user_id, availability, auto_offline, online) VALUES (?, ?, 'online', false, true)")
                    .params(account, user).update();
            jdbc.sql("INSERT INTO inbox_members (inbox_id, user_id) VALUES (?, ?)").params(inbox, user).update();
        }
        long contact = jdbc.sql("INSERT INTO contacts (account_id, name) VALUES (?, 'Customer') RETURNING id").param(account).query(Long.class).single();
        long contactInbox = jdbc.sql("INSERT INTO contact_inboxes (contact_id, inbox_id, source_id, pubsub_token) VALUES (?, ?, ?, ?) RETURNING id")
                .params(contact, inbox, "src-" + account, "pub-" + account).query(Long.class).single();
        return new Seed(account, inbox, contact, contactInbox);
    }

    void seedWaiting(Seed seed, int count) {
        jdbc.sql("""
                        INSERT INTO conversations (account_id, inbox_id, contact_id, contact_inbox_id, display_id, uuid, status, waiting_since,
                            created_at, last_activity_at)
                        SELECT ?, ?, ?, ?, g, gen_random_uuid(), 'open', now(), now() - (? - g) * interval '1 millisecond', now()
                        FROM generate_series(1, ?) g""")
                .params(seed.accountId, seed.inboxId, seed.contactId, seed.contactInboxId, count, count).update();
        jdbc.sql("UPDATE accounts SET last_display_id = ? WHERE id = ?").params(count, seed.accountId).update();
    }
}
