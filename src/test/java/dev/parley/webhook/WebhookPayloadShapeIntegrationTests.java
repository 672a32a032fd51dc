package dev.parley.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The keys of Chatwoot's webhook payloads as a receiver sees them, and their JSON types (Conversation#webhook_data with
 * its last message as Message#push_event_data, Message#webhook_data with its Rails time, Contact#webhook_data,
 * User#webhook_data), every one in snake case, with the event and changed_attributes.
 */
class WebhookPayloadShapeIntegrationTests extends IntegrationTest {

    private static final List<String> CONVERSATION = List.of("additional_attributes", "can_reply", "channel", "contact_inbox", "id", "inbox_id", "messages",
            "labels", "meta", "status", "custom_attributes", "snoozed_until", "unread_count", "first_reply_created_at", "priority",
            "waiting_since", "agent_last_seen_at", "contact_last_seen_at", "last_activity_at", "timestamp", "created_at", "updated_at",
            "account_id");
    private static final List<String> MESSAGE = List.of("account", "additional_attributes", "content_attributes", "content_type", "content",
            "created_at", "id", "inbox", "message_type", "private", "sender", "source_id");
    private static final List<String> CONTACT = List.of("additional_attributes", "custom_attributes", "email", "id", "identifier", "name",
            "phone_number", "thumbnail", "blocked", "type");
    /** Contact#webhook_data: the push data's keys with the account and the avatar (type is Parley's addition). */
    private static final List<String> CONTACT_WEBHOOK = List.of("account", "additional_attributes", "avatar", "custom_attributes", "email",
            "id", "identifier", "name", "phone_number", "thumbnail", "blocked", "type");
    /** Message#push_event_data, the shape of a conversation's last message. */
    private static final List<String> PUSH_MESSAGE = List.of("id", "content", "inbox_id", "conversation_id", "message_type", "content_type",
            "status", "content_attributes", "created_at", "account_id", "updated_at", "conversation", "private", "source_id", "sender",
            "sender_type", "sender_id");
    private static final java.util.regex.Pattern RAILS_TIME = java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyPayloadHasChatwootsKeys() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Team team = fixtures.account();
            var inbox = fixtures.inbox(team, team.agentUser());
            JsonNode webhook = team.admin().post(team.path("/webhooks"), Map.of("webhook", Map.of("url", receiver.url("/hooks"),
                    "subscriptions", List.of("conversation_created", "message_created", "conversation_status_changed", "conversation_updated",
                            "contact_created", "contact_updated")))).expect(200).json().get("payload").get("webhook");
            receiver.expectSecret(webhook.get("secret").asString());
            long id = fixtures.conversation(fixtures.customer(inbox, "Shape Sue"), "what do you send?");
            team.agent().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "this")).expect(200);
            team.agent().post(team.path("/conversations/" + id + "/toggle_priority"), Map.of("priority", "high")).expect(200);
            team.agent().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved")).expect(200);
            long contact = team.admin().post(team.path("/contacts"), Map.of("name", "Carl Contact", "email", "carl@example.com")).expect(200)
                    .json().get("payload").get("contact").get("id").asLong();
            team.admin().put(team.path("/contacts/" + contact), Map.of("name", "Carl Renamed")).expect(200);

            await().atMost(Duration.ofSeconds(15)).until(() -> events(receiver).containsAll(List.of("conversation_created", "message_created",
                    "conversation_updated", "conversation_status_changed", "contact_created", "contact_updated"))
                    && events(receiver).stream().filter("message_created"::equals).count() >= 2);

            JsonNode created = body(receiver, "conversation_created", 0);
            assertThat(keys(created)).containsAll(CONVERSATION).contains("event");
            assertThat(keys(created.get("meta"))).containsExactly("sender", "assignee", "assignee_type", "team", "hmac_verified");
            assertThat(keys(created.get("meta").get("sender"))).containsExactlyElementsOf(CONTACT);
            assertThat(created.get("account_id").asLong()).isEqualTo(team.accountId());
            assertThat(created.get("created_at").isIntegralNumber()).isTrue();
            assertThat(keys(created.get("contact_inbox"))).containsExactly("id", "contact_id", "inbox_id", "source_id", "hmac_verified");
            assertThat(created.at("/contact_inbox/source_id").asString()).isNotBlank();
            assertThat(created.at("/contact_inbox/contact_id").asLong()).isEqualTo(created.at("/meta/sender/id").asLong());
            assertThat(created.get("updated_at").isNumber()).isTrue();
            for (String time : List.of("agent_last_seen_at", "contact_last_seen_at", "waiting_since", "last_activity_at", "timestamp")) {
                assertThat(created.get(time).isIntegralNumber()).as(time + ": unix seconds, 0 when unset (Chatwoot's nil.to_i)").isTrue();
            }
            assertThat(created.get("snoozed_until").isNull()).isTrue();
            // the payload is built when the webhooks reactor sends it, from the conversation as it is then (as Chatwoot's
            // listener does): the agent's reply may already be there, so the first reply is null or a Rails time
            JsonNode firstReply = created.get("first_reply_created_at");
            assertThat(firstReply.isNull() || RAILS_TIME.matcher(firstReply.asString()).matches()).as("first_reply_created_at: " + firstReply).isTrue();

            JsonNode agentReply = messageFrom(receiver, "user");
            assertThat(keys(agentReply)).containsAll(MESSAGE).contains("conversation", "event");
            assertThat(keys(agentReply.get("sender"))).containsExactly("id", "name", "email", "type");
            assertThat(keys(agentReply.get("account"))).containsExactly("id", "name");
            assertThat(keys(agentReply.get("inbox"))).containsExactly("id", "name");
            assertThat(agentReply.get("message_type").asString()).isEqualTo("outgoing");
            assertThat(agentReply.get("created_at").asString()).as("Message#webhook_data renders the Rails time").matches(RAILS_TIME);
            assertThat(keys(agentReply.get("conversation"))).containsAll(CONVERSATION);
            JsonNode last = agentReply.get("conversation").get("messages").get(0);
            assertThat(keys(last)).as("the conversation's last message, in its push shape").containsAll(PUSH_MESSAGE);
            assertThat(last.get("id").asLong()).isEqualTo(agentReply.get("id").asLong());
            assertThat(last.get("message_type").asInt()).isEqualTo(1);
            assertThat(last.get("created_at").isIntegralNumber()).isTrue();
            assertThat(keys(last.get("sender"))).as("User#push_event_data")
                    .containsExactly("id", "name", "available_name", "avatar_url", "availability_status", "thumbnail", "type");
            JsonNode customerMessage = messageFrom(receiver, "contact");
            assertThat(keys(customerMessage.get("sender"))).as("Contact#webhook_data").containsExactlyElementsOf(CONTACT_WEBHOOK);
            assertThat(customerMessage.at("/sender/account/id").asLong()).isEqualTo(team.accountId());
            assertThat(customerMessage.get("created_at").asString()).matches(RAILS_TIME);
            JsonNode first = customerMessage.at("/conversation/messages/0");
            assertThat(keys(first)).as("the conversation's last message, in its push shape").containsAll(PUSH_MESSAGE)
                    .doesNotContain("inbox", "account");
            assertThat(first.get("message_type").isIntegralNumber()).isTrue();
            // built when the event is handled: the last chat message is the customer's, or already the agent's reply
            boolean fromCustomer = first.at("/sender/type").asString().equals("contact");
            assertThat(first.get("message_type").asInt()).isEqualTo(fromCustomer ? 0 : 1);
            assertThat(first.get("created_at").isIntegralNumber()).isTrue();
            assertThat(first.get("conversation_id").asLong()).isEqualTo(id);
            assertThat(first.get("account_id").asLong()).isEqualTo(team.accountId());
            if (fromCustomer) {
                assertThat(keys(first.get("sender"))).containsExactlyElementsOf(CONTACT);
                assertThat(customerMessage.at("/conversation/waiting_since").asLong()).as("waiting for a reply").isPositive();
            }
            assertThat(customerMessage.at("/conversation/unread_count").asInt()).as("the customer's message, not yet seen").isPositive();

            JsonNode status = body(receiver, "conversation_status_changed", 0);
            assertThat(status.get("changed_attributes").get(0).get("status").get("previous_value").asString()).isEqualTo("open");
            assertThat(status.get("changed_attributes").get(0).get("status").get("current_value").asString()).isEqualTo("resolved");
            JsonNode updated = body(receiver, "conversation_updated", 0);
            assertThat(keys(updated)).containsAll(CONVERSATION).contains("changed_attributes", "event");

            JsonNode contactCreated = body(receiver, "contact_created", 0);
            assertThat(keys(contactCreated)).containsAll(CONTACT_WEBHOOK).contains("event").doesNotContain("changed_attributes");
            assertThat(contactCreated.at("/account/id").asLong()).isEqualTo(team.accountId());
            assertThat(keys(contactCreated.get("account"))).containsExactly("id", "name");
            JsonNode contactUpdated = body(receiver, "contact_updated", 0);
            assertThat(contactUpdated.get("name").asString()).isEqualTo("Carl Renamed");
            assertThat(contactUpdated.get("changed_attributes").get(0).get("name").get("current_value").asString()).isEqualTo("Carl Renamed");
        }
    }

    private static List<String> events(Receiver receiver) {
        return receiver.accepted.stream().map(Receiver.Received::event).toList();
    }

    private JsonNode body(Receiver receiver, String event, int index) {
        return json.readTree(receiver.accepted.stream().filter(r -> r.event().equals(event)).toList().get(index).body());
    }

    private JsonNode messageFrom(Receiver receiver, String senderType) {
        return receiver.accepted.stream().filter(r -> r.event().equals("message_created")).map(r -> json.readTree(r.body()))
                .filter(b -> b.get("sender").get("type").asString().equals(senderType)).findFirst().orElseThrow();
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.propertyNames().forEach(keys::add);
        return keys;
    }
}
