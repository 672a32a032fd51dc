package dev.parley.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Webhooks through the real stack: subscriptions, signatures, a receiver that is down, the inbox's webhook_url. */
class WebhookIntegrationTests extends IntegrationTest {

    @Test
    void aReceiverDownForThirtySecondsGetsEveryEventOncePerDeliveryWithAValidSignature() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Team team = fixtures.account();
            var inbox = fixtures.inbox(team, team.agentUser());
            JsonNode webhook = team.admin().post(team.path("/webhooks"), Map.of("webhook", Map.of("url", receiver.url("/hooks"),
                    "subscriptions", List.of("conversation_created", "message_created", "conversation_status_changed")))).expect(200)
                    .json().get("payload").get("webhook");
            receiver.expectSecret(webhook.get("secret").asString());
            receiver.down.set(true);
            var customer = fixtures.customer(inbox, "Down Dan");
            long id = fixtures.conversation(customer, "is anybody there?");
            team.agent().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "yes")).expect(200);
            team.agent().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved")).expect(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.refused.get() >= 4);
            Thread.sleep(30_000 - 3_000);
            receiver.down.set(false);

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted.size() >= 4);
            Thread.sleep(2_000); // would a delivery come twice, it would be here by now
            var byId = receiver.accepted.stream().collect(Collectors.groupingBy(Receiver.Received::deliveryId, Collectors.counting()));
            assertThat(byId.values()).allMatch(n -> n == 1);
            assertThat(receiver.accepted).allMatch(Receiver.Received::signatureValid);
            assertThat(receiver.accepted).extracting(Receiver.Received::event).containsExactlyInAnyOrder(
                    "conversation_created", "message_created", "message_created", "conversation_status_changed");
            JsonNode deliveries = team.admin().get(team.path("/webhooks/" + webhook.get("id").asLong() + "/deliveries")).expect(200).json().get("payload");
            assertThat(deliveries.size()).isEqualTo(4);
            deliveries.forEach(d -> {
                assertThat(d.get("status").asString()).isEqualTo("delivered");
                assertThat(d.get("attempts").asInt()).isGreaterThan(1);
            });
            String created = receiver.accepted.stream().filter(r -> r.event().equals("conversation_created")).findFirst().orElseThrow().body();
            assertThat(created).contains("\"event\":\"conversation_created\"").contains("\"id\":" + id);
        }
    }

    @Test
    void deliveriesShowTheLastErrorWhileRetrying() throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.down.set(true);
            Team team = fixtures.account();
            var inbox = fixtures.inbox(team);
            long hook = team.admin().post(team.path("/webhooks"), Map.of("url", receiver.url("/x"), "subscriptions", List.of("conversation_created")))
                    .expect(200).json().get("payload").get("webhook").get("id").asLong();
            fixtures.conversation(fixtures.customer(inbox, "E"), "hi");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                JsonNode d = team.admin().get(team.path("/webhooks/" + hook + "/deliveries")).json().get("payload").get(0);
                assertThat(d.get("status").asString()).isEqualTo("pending");
                assertThat(d.get("last_error").asString()).isEqualTo("HTTP 503");
                assertThat(d.get("last_status_code").asInt()).isEqualTo(503);
                assertThat(d.get("next_attempt_at").asLong()).isPositive();
            });
        }
    }

    @Test
    void anApiInboxWebhookUrlReceivesItsMessageEvents() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Team team = fixtures.account();
            JsonNode inbox = team.admin().post(team.path("/inboxes"), Map.of("name", "Hooked",
                    "channel", Map.of("type", "api", "webhook_url", receiver.url("/inbox")))).expect(200).json();
            receiver.expectSecret(inbox.get("hmac_token").asString());
            var customer = fixtures.customer(new dev.parley.support.Fixtures.Inbox(inbox.get("id").asLong(),
                    inbox.get("inbox_identifier").asString()), "Ina");
            long id = fixtures.conversation(customer, "hello inbox");
            team.admin().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "hello back")).expect(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.accepted.stream().filter(r -> r.event().equals("message_created")).count() == 2);
            String reply = receiver.accepted.stream().filter(r -> r.event().equals("message_created") && r.body().contains("\"content\":\"hello back\",\"conversation\""))
                    .findFirst().orElseThrow().body();
            assertThat(reply).contains("\"message_type\":\"outgoing\"").contains("\"conversation\":{");
            assertThat(receiver.accepted).allMatch(Receiver.Received::signatureValid);
        }
    }

    @Test
    void webhooksApiValidatesAndSpeaksChatwoot() {
        Team team = fixtures.account();
        JsonNode created = team.admin().post(team.path("/webhooks"), Map.of("webhook", Map.of("url", "http://127.0.0.1:9/a",
                "subscriptions", List.of("message_created")))).expect(200).json().get("payload").get("webhook");
        long id = created.get("id").asLong();
        assertThat(team.admin().get(team.path("/webhooks")).json().get("payload").get("webhooks").size()).isEqualTo(1);
        team.admin().patch(team.path("/webhooks/" + id), Map.of("webhook", Map.of("subscriptions", List.of("message_created", "contact_created"))))
                .expect(200);
        team.admin().post(team.path("/webhooks"), Map.of("url", "http://127.0.0.1:9/a", "subscriptions", List.of("message_created"))).expect(422);
        team.admin().post(team.path("/webhooks"), Map.of("url", "ftp://x", "subscriptions", List.of("message_created"))).expect(422);
        JsonNode bad = team.admin().post(team.path("/webhooks"), Map.of("url", "http://127.0.0.1:9/b", "subscriptions", List.of("everything")))
                .expect(422).json();
        assertThat(bad.get("attributes").get(0).asString()).isEqualTo("subscriptions");
        team.agent().get(team.path("/webhooks")).expect(401);
        fixtures.account().admin().get("/api/v1/accounts/" + team.accountId() + "/webhooks").expect(401);
        team.admin().delete(team.path("/webhooks/" + id)).expect(200);
        team.admin().get(team.path("/webhooks/" + id)).expect(404);
    }

    @Test
    void deletedMessagesAndInboxChangesReachTheirSubscribers() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Team team = fixtures.account();
            JsonNode webhook = team.admin().post(team.path("/webhooks"), Map.of("webhook", Map.of("url", receiver.url("/hooks"),
                    "subscriptions", List.of("message_updated", "inbox_created", "inbox_updated")))).expect(200)
                    .json().get("payload").get("webhook");
            receiver.expectSecret(webhook.get("secret").asString());
            var inbox = fixtures.inbox(team, team.agentUser());
            team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("name", "Renamed desk")).expect(200);
            team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("name", "Renamed desk")).expect(200); // no change, no event
            long id = fixtures.conversation(fixtures.customer(inbox, "Del Dora"), "hello");
            long message = team.agent().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "typo")).expect(200)
                    .json().get("id").asLong();
            team.agent().delete(team.path("/conversations/" + id + "/messages/" + message)).expect(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted.size() >= 3);
            Thread.sleep(500);
            assertThat(receiver.accepted).extracting(Receiver.Received::event)
                    .containsExactlyInAnyOrder("inbox_created", "inbox_updated", "message_updated");
            String updated = receiver.accepted.stream().filter(r -> r.event().equals("inbox_updated")).findFirst().orElseThrow().body();
            assertThat(updated).contains("\"name\":{\"previous_value\"").contains("\"current_value\":\"Renamed desk\"");
            String deleted = receiver.accepted.stream().filter(r -> r.event().equals("message_updated")).findFirst().orElseThrow().body();
            assertThat(deleted).contains("This message was deleted").contains("\"id\":" + message);
        }
    }
}
