package dev.parley.assignment;

import dev.parley.support.SecondNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.conversation.ConversationCreated;
import dev.parley.support.Api;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.Fixtures.User;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Limits hold under real concurrency: parallel arrivals, two application instances, redelivered events. */
class AssignmentConcurrencyIntegrationTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void twoHundredParallelArrivalsNeverPushAnAgentOverTheLimit() throws Exception {
        var world = world(10, 3);
        inParallel(200, i -> fixtures.conversation(fixtures.customer(world.inbox, "P" + i), "hello " + i), 20);
        awaitSettled(world, 30);
        Map<Long, Long> load = loadPerAgent(world.team.accountId());
        assertThat(load.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3));
        assertThat(load.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(30);
        assertThat(waiting(world.team.accountId())).isEqualTo(170);
    }

    @Test
    void twoApplicationInstancesOnOneDatabaseShareTheLimit() throws Exception {
        var world = world(10, 3);
        String url = (dataSource.unwrap(HikariDataSource.class)).getJdbcUrl();
        try (ConfigurableApplicationContext second = SecondNode.on(dataSource)) {
            int secondPort = SecondNode.port(second);
            var secondNode = new dev.parley.support.Fixtures(secondPort);
            inParallel(100, i -> (i % 2 == 0 ? fixtures : secondNode).conversation(
                    (i % 2 == 0 ? fixtures : secondNode).customer(world.inbox, "N" + i), "hello " + i), 20);
            awaitSettled(world, 30);
            Map<Long, Long> load = loadPerAgent(world.team.accountId());
            assertThat(load.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3));
            assertThat(load.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(30);
        }
    }

    @Test
    void aRedeliveredEventAssignsOnce() {
        var world = world(2, 5);
        long displayId = fixtures.conversation(fixtures.customer(world.inbox, "Once"), "hi");
        await().atMost(Duration.ofSeconds(2)).until(() -> assignedCount(world.team.accountId()) == 1);
        ConversationCreated original = events.ofType(ConversationCreated.class).stream()
                .filter(e -> e.accountId() == world.team.accountId() && e.displayId() == displayId).findFirst().orElseThrow();
        transactions.executeWithoutResult(tx -> publisher.publishEvent(original));
        transactions.executeWithoutResult(tx -> publisher.publishEvent(original));
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM auto_assignments WHERE account_id = ?").param(world.team.accountId()).query(Long.class).single())
                .isEqualTo(1);
        long assignLines = jdbc.sql("SELECT count(*) FROM messages WHERE account_id = ? AND message_type = 2 AND content LIKE 'Assigned to%'")
                .param(world.team.accountId()).query(Long.class).single();
        assertThat(assignLines).isEqualTo(1);
    }

    record World(Team team, Inbox inbox, List<User> agents) {
    }

    private World world(int agentCount, int limit) {
        Team team = fixtures.account();
        List<User> agents = new ArrayList<>();
        for (int i = 0; i < agentCount; i++) agents.add(fixtures.user("Agent " + i, team.accountId(), "agent"));
        Inbox inbox = fixtures.inbox(team, agents.toArray(User[]::new));
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("auto_assignment_config", Map.of("max_assignment_limit", limit))).expect(200);
        for (User agent : agents) Presences.set(new Api(port, agent.token()), team.accountId(), "online");
        return new World(team, inbox, agents);
    }

    private void awaitSettled(World world, long expectedAssigned) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> assignedCount(world.team.accountId()) >= expectedAssigned);
        try {
            Thread.sleep(500); // anything over the limit would show up now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long assignedCount(long accountId) {
        return jdbc.sql("SELECT count(*) FROM conversations WHERE account_id = ? AND assignee_id IS NOT NULL").param(accountId)
                .query(Long.class).single();
    }

    private long waiting(long accountId) {
        return jdbc.sql("SELECT count(*) FROM conversations WHERE account_id = ? AND assignee_id IS NULL AND status = 'open'").param(accountId)
                .query(Long.class).single();
    }

    private Map<Long, Long> loadPerAgent(long accountId) {
        var load = new HashMap<Long, Long>();
        jdbc.sql("SELECT assignee_id, count(*) FROM conversations WHERE account_id = ? AND assignee_id IS NOT NULL AND status = 'open' GROUP BY assignee_id")
                .param(accountId).query(rs -> {
                    load.put(rs.getLong(1), rs.getLong(2));
                });
        return load;
    }

    interface Task {
        Object run(int index) throws Exception;
    }

    static void inParallel(int count, Task task, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.run(index);
                }));
            }
            start.countDown();
            for (Future<Object> f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }
    }
}
