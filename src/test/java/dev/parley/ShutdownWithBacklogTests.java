package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * A graceful stop with event deliveries queued logs no error per delivery (one line says how many are
 * left), and the next start on the same data runs them: every rule effect arrives, once.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShutdownWithBacklogTests {

    @Test
    void queuedDeliveriesAreLeftQuietlyAndResumeOnTheNextStart(CapturedOutput output) throws Exception {
        Path dataDir = Files.createTempDirectory("parley-backlog-");
        try {
            Fixtures.Team team;
            List<Long> conversations = new ArrayList<>();
            var release = new CountDownLatch(1);
            try (ConfigurableApplicationContext first = start(dataDir)) {
                var fixtures = new Fixtures(port(first));
                team = fixtures.account();
                var inbox = fixtures.inbox(team);
                team.admin().post(team.path("/automation_rules"), Map.of("name", "Label every message", "event_name", "message_created",
                        "conditions", List.of(), "actions", List.of(Map.of("action_name", "add_label", "action_params", List.of("seen"))))).expect(200);
                occupyEveryListenerThread(first.getBean(ThreadPoolTaskExecutor.class), release);
                var customer = fixtures.customer(inbox, "Queued");
                for (int i = 0; i < 10; i++) conversations.add(fixtures.conversation(customer, "queued " + i));
                assertThat(first.getBean(ThreadPoolTaskExecutor.class).getQueueSize()).as("deliveries waiting").isGreaterThanOrEqualTo(10);
                new Thread(() -> sleepThen(release, Duration.ofSeconds(2))).start(); // the running ones finish while the context closes
            }
            String stopping = output.getAll();
            assertThat(stopping).contains("queued event deliveries; they stay in event_publication and resume on the next start");
            // other test contexts may share this JVM's output: look for the way a queued delivery fails on a closed pool
            assertThat(stopping.lines().filter(l -> l.contains("Unexpected exception occurred invoking async method") || l.contains("has been closed"))
                    .toList()).as("deliveries failing at shutdown").isEmpty();
            try (ConfigurableApplicationContext second = start(dataDir)) {
                var again = new dev.parley.support.Api(port(second), team.adminUser().token());
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    for (long id : conversations) {
                        JsonNode c = again.get(team.path("/conversations/" + id)).expect(200).json();
                        assertThat(c.get("labels").toString()).as("conversation %d", id).contains("seen");
                    }
                });
            }
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /** Blocks every listener thread, so what the requests publish waits in the queue. */
    private static void occupyEveryListenerThread(ThreadPoolTaskExecutor executor, CountDownLatch release) throws InterruptedException {
        var started = new CountDownLatch(executor.getCorePoolSize());
        for (int i = 0; i < executor.getCorePoolSize(); i++) {
            executor.execute(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        started.await();
    }

    private static void sleepThen(CountDownLatch latch, Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        latch.countDown();
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplication(Parley.class).run("--server.port=0", "--parley.data-dir=" + dataDir, "--spring.jmx.enabled=false",
                "--parley.platform-token=test-platform-token");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
