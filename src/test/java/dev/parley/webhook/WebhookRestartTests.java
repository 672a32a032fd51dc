package dev.parley.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.Parley;
import dev.parley.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/** A server restart while deliveries are being retried loses nothing: the queue is in PostgreSQL. */
class WebhookRestartTests {

    @Test
    void pendingDeliveriesSurviveARestartAndArriveOnce() throws Exception {
        Path dataDir = Files.createTempDirectory("parley-webhook-restart-");
        try (Receiver receiver = new Receiver()) {
            receiver.down.set(true);
            long accountId;
            try (ConfigurableApplicationContext first = start(dataDir)) {
                var fixtures = new Fixtures(port(first));
                var team = fixtures.account();
                accountId = team.accountId();
                var inbox = fixtures.inbox(team);
                var hook = team.admin().post(team.path("/webhooks"), Map.of("url", receiver.url("/r"),
                        "subscriptions", List.of("conversation_created", "message_created"))).expect(200).json().get("payload").get("webhook");
                receiver.expectSecret(hook.get("secret").asString());
                for (int i = 0; i < 3; i++) fixtures.conversation(fixtures.customer(inbox, "R" + i), "hello " + i);
                JdbcClient jdbc = first.getBean(JdbcClient.class);
                await().atMost(Duration.ofSeconds(10)).until(() -> receiver.refused.get() >= 6 && pending(jdbc, team.accountId()) == 6);
            }
            receiver.down.set(false);
            try (ConfigurableApplicationContext second = start(dataDir)) {
                JdbcClient jdbc = second.getBean(JdbcClient.class);
                await().atMost(Duration.ofSeconds(20)).until(() -> pending(jdbc, accountId) == 0);
                Thread.sleep(1_000);
                assertThat(receiver.accepted).hasSize(6);
                assertThat(receiver.accepted.stream().collect(Collectors.groupingBy(Receiver.Received::deliveryId, Collectors.counting())).values())
                        .allMatch(n -> n == 1);
                assertThat(receiver.accepted).allMatch(Receiver.Received::signatureValid);
            }
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static long pending(JdbcClient jdbc, long accountId) {
        return jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE account_id = ? AND status = 'pending'").param(accountId)
                .query(Long.class).single();
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplication(Parley.class).run("--server.port=0", "--parley.data-dir=" + dataDir, "--spring.jmx.enabled=false",
                "--parley.platform-token=test-platform-token", "--parley.webhooks.allow-private=true", "--parley.webhooks.poll-interval=PT0.2S",
                "--parley.webhooks.retry-base=PT1S", "--parley.webhooks.retry-max=PT2S");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
