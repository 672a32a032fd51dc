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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * A stop with events not yet handled by the reactors logs no error per event (one line says how many are left),
 * and the next start on the same data handles them: every rule effect arrives, once. The first run leaves its
 * log unread ({@code parley.reactors.enabled=false}), as a node stopped in the middle of a backlog would.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShutdownWithBacklogTests {

    @Test
    void eventsNotYetHandledAreLeftQuietlyAndResumeOnTheNextStart(CapturedOutput output) throws Exception {
        Path dataDir = Files.createTempDirectory("parley-backlog-");
        try {
            Fixtures.Team team;
            List<Long> conversations = new ArrayList<>();
            try (ConfigurableApplicationContext first = start(dataDir, "--parley.reactors.enabled=false")) {
                var fixtures = new Fixtures(port(first));
                team = fixtures.account();
                var inbox = fixtures.inbox(team);
                team.admin().post(team.path("/automation_rules"), Map.of("name", "Label every message", "event_name", "message_created",
                        "conditions", List.of(), "actions", List.of(Map.of("action_name", "add_label", "action_params", List.of("seen"))))).expect(200);
                var customer = fixtures.customer(inbox, "Queued");
                for (int i = 0; i < 10; i++) conversations.add(fixtures.conversation(customer, "queued " + i));
            }
            String stopping = output.getAll();
            assertThat(stopping).contains("events not yet handled by every reactor; they stay in event_log and resume on the next start");
            // other test contexts may share this JVM's output: look for the way work fails on a closed pool
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
                var jdbc = second.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
                assertThat(jdbc.sql("SELECT count(*) FROM automation_runs WHERE account_id = ? AND event_name = 'message_created'")
                        .param(team.accountId()).query(Long.class).single()).as("one rule run per message").isEqualTo(10);
            }
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... more) {
        // always its own embedded PostgreSQL, also in the CI pass against the machine's: there the other test contexts of this
        // JVM share that database, and their reactors would handle this node's backlog while it is stopped
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--parley.data-dir=" + dataDir, "--spring.jmx.enabled=false",
                "--parley.platform-token=test-platform-token", "--spring.datasource.url=embedded"));
        args.addAll(List.of(more));
        return new SpringApplication(Parley.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
