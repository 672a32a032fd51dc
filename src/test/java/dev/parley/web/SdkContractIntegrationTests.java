package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Operations of Chatwoot's published contract that the npm SDK run found missing, through HTTP. */
class SdkContractIntegrationTests extends IntegrationTest {

    @Test
    void platformUpdatesAUserAndDeletesItWithItsMemberships() {
        Team team = fixtures.account();
        var user = fixtures.user("Temp Agent", team.accountId(), "agent");
        JsonNode updated = platform().patch("/platform/api/v1/users/" + user.id(), Map.of("name", "Renamed", "email", "renamed." + user.email()))
                .expect(200).json();
        assertThat(updated.get("name").asString()).isEqualTo("Renamed");
        assertThat(updated.get("email").asString()).isEqualTo("renamed." + user.email());
        platform().patch("/platform/api/v1/users/" + user.id(), Map.of("email", team.adminUser().email())).expect(422);
        platform().patch("/platform/api/v1/users/" + user.id(), Map.of("password", "123")).expect(422);
        team.admin().patch("/platform/api/v1/users/" + user.id(), Map.of("name", "x")).expect(401);

        platform().delete("/platform/api/v1/users/" + user.id()).expect(200);
        platform().get("/platform/api/v1/users/" + user.id()).expect(404);
        assertThat(team.admin().get(team.path("/agents")).json().valueStream().map(a -> a.get("id").asLong()))
                .doesNotContain(user.id());
        platform().delete("/platform/api/v1/users/" + user.id()).expect(404);
    }

    @Test
    void conversationMetricsForTheAccountAndPerAgent() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        long first = fixtures.conversation(fixtures.customer(inbox, "Cora One"), "hello");
        fixtures.conversation(fixtures.customer(inbox, "Cora Two"), "hi");
        team.admin().post(team.path("/conversations/" + first + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);

        JsonNode account = team.admin().get("/api/v2/accounts/" + team.accountId() + "/reports/conversations?type=account").expect(200).json();
        assertThat(account.get("open").asLong()).isEqualTo(2);
        assertThat(account.get("unattended").asLong()).isEqualTo(2);
        assertThat(account.get("unassigned").asLong()).isEqualTo(1);

        JsonNode agents = team.admin().get("/api/v2/accounts/" + team.accountId() + "/reports/conversations/?type=agent&user_id="
                + team.agentUser().id()).expect(200).json();
        assertThat(agents.get(0).get("id").asLong()).isEqualTo(team.agentUser().id());
        assertThat(agents.get(0).get("metric").get("open").asLong()).isEqualTo(1);
        assertThat(agents.get(0).get("metric").has("unassigned")).isFalse();

        team.admin().get("/api/v2/accounts/" + team.accountId() + "/reports/conversations").expect(422);
        team.agent().get("/api/v2/accounts/" + team.accountId() + "/reports/conversations?type=account").expect(401);
    }

    @Test
    void messageStatusUpdateAndPublicSubmittedValues() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        Customer customer = fixtures.customer(inbox, "Dora Form");
        long displayId = fixtures.conversation(customer, "hello");
        String messages = team.path("/conversations/" + displayId + "/messages");
        long reply = team.agent().post(messages, Map.of("content", "pick one")).expect(200).json().get("id").asLong();

        assertThat(team.agent().patch(messages + "/" + reply, Map.of("status", "read")).expect(200).json().get("status").asString())
                .isEqualTo("read");
        team.agent().patch(messages + "/" + reply, Map.of("status", "delivered")).expect(422);
        team.agent().patch(messages + "/" + reply, Map.of("status", "lost")).expect(422);
        JsonNode failed = team.agent().patch(messages + "/" + reply, Map.of("status", "failed", "external_error", "bounced")).expect(200).json();
        assertThat(failed.get("content_attributes").get("external_error").asString()).isEqualTo("bounced");
        team.agent().patch(messages + "/999999", Map.of("status", "read")).expect(404);

        String publicMessage = customer.conversationsPath() + "/" + displayId + "/messages/" + reply;
        var values = List.of(Map.of("name", "plan", "value", "pro"));
        JsonNode submitted = anonymous().patch(publicMessage, Map.of("message", Map.of("submitted_values", values))).expect(200).json();
        assertThat(submitted.get("content_attributes").get("submitted_values").get(0).get("value").asString()).isEqualTo("pro");
        anonymous().patch(publicMessage, Map.of()).expect(422);
        Customer stranger = fixtures.customer(inbox, "Eve Other");
        anonymous().patch(stranger.conversationsPath() + "/" + displayId + "/messages/" + reply,
                Map.of("submitted_values", values)).expect(404);
    }

    @Test
    void customAttributeDefinitionsCarryTimestamps() {
        Team team = fixtures.account();
        JsonNode created = team.admin().post(team.path("/custom_attribute_definitions"), Map.of("attribute_display_name", "Plan",
                "attribute_key", "plan", "attribute_model", 0, "attribute_display_type", 0)).expect(200).json();
        assertThat(created.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(created.get("updated_at").asString()).isNotBlank();
        assertThat(created.get("attribute_values").isArray()).isTrue();
    }

    @Test
    void contactLabelsAreReplacedAsAWholeAndFilterable() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        Customer vip = fixtures.customer(inbox, "Vera Vip");
        Customer plain = fixtures.customer(inbox, "Paul Plain");
        String labels = team.path("/contacts/" + vip.contactId() + "/labels");
        assertThat(team.agent().get(labels).expect(200).json().get("payload").size()).isZero();
        JsonNode replaced = team.agent().post(labels, Map.of("labels", List.of("VIP", "billing", "vip"))).expect(200).json();
        assertThat(replaced.get("payload").valueStream().map(JsonNode::asString)).containsExactly("vip", "billing");
        team.agent().post(labels, Map.of("labels", List.of("has space"))).expect(422);
        team.agent().post(labels, Map.of()).expect(422);
        assertThat(team.agent().get(labels).json().get("payload").size()).isEqualTo(2);
        assertThat(team.agent().post(labels, Map.of("labels", List.of("billing"))).json().get("payload").size()).isEqualTo(1);
        team.agent().get(team.path("/contacts/999999/labels")).expect(404);
        Team other = fixtures.account();
        other.admin().get(other.path("/contacts/" + vip.contactId() + "/labels")).expect(404);

        String filter = team.path("/contacts/filter");
        JsonNode byLabel = team.agent().post(filter, Map.of("payload", List.of(Map.of("attribute_key", "labels",
                "filter_operator", "equal_to", "values", List.of("billing"), "query_operator", "and")))).expect(200).json();
        assertThat(byLabel.get("payload").valueStream().map(c -> c.get("id").asLong())).containsExactly(vip.contactId());
        assertThat(byLabel.get("meta").get("count").asLong()).isEqualTo(1);
        JsonNode byName = team.agent().post(filter, Map.of("payload", List.of(
                Map.of("attribute_key", "name", "filter_operator", "contains", "values", List.of("paul"), "query_operator", "or"),
                Map.of("attribute_key", "email", "filter_operator", "starts_with", "values", List.of("vera"))))).expect(200).json();
        assertThat(byName.get("payload").valueStream().map(c -> c.get("id").asLong()))
                .containsExactlyInAnyOrder(vip.contactId(), plain.contactId());
        team.agent().post(filter, Map.of("payload", List.of(Map.of("attribute_key", "name; drop table contacts",
                "filter_operator", "equal_to", "values", List.of("x"))))).expect(422);
        team.agent().post(filter, Map.of()).expect(422);
        assertThat(other.admin().post(other.path("/contacts/filter"), Map.of("payload", List.of(Map.of("attribute_key", "name",
                "filter_operator", "is_present", "values", List.of())))).json().get("payload").size()).isZero();
    }

    @Test
    void contactableInboxesNameTheContactsSourceIdOrAFreshOne() {
        Team team = fixtures.account();
        Inbox website = fixtures.inbox(team, team.agentUser());
        Inbox other = fixtures.inbox(team);
        Customer customer = fixtures.customer(website, "Cleo Contact");
        JsonNode admin = team.admin().get(team.path("/contacts/" + customer.contactId() + "/contactable_inboxes")).expect(200).json();
        assertThat(admin.get("payload").size()).isEqualTo(2);
        for (JsonNode entry : admin.get("payload")) {
            long inboxId = entry.get("inbox").get("id").asLong();
            if (inboxId == website.id()) assertThat(entry.get("source_id").asString()).isEqualTo(customer.sourceId());
            else assertThat(inboxId).isEqualTo(other.id());
            assertThat(entry.get("source_id").asString()).isNotBlank();
            assertThat(entry.get("inbox").get("channel_type").asString()).isEqualTo("Channel::Api");
        }
        JsonNode agent = team.agent().get(team.path("/contacts/" + customer.contactId() + "/contactable_inboxes")).expect(200).json();
        assertThat(agent.get("payload").valueStream().map(e -> e.get("inbox").get("id").asLong())).containsExactly(website.id());
        team.agent().get(team.path("/contacts/999999/contactable_inboxes")).expect(404);
    }

    @Test
    void muteResolvesAndBlocksTheContactUnmuteUnblocks() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        Customer customer = fixtures.customer(inbox, "Mia Mute");
        long displayId = fixtures.conversation(customer, "spam spam");
        String conversation = team.path("/conversations/" + displayId);
        assertThat(team.agent().get(conversation).json().get("muted").asBoolean()).isFalse();

        team.agent().post(conversation + "/mute", null).expect(200);
        JsonNode muted = team.agent().get(conversation).json();
        assertThat(muted.get("muted").asBoolean()).isTrue();
        assertThat(muted.get("status").asString()).isEqualTo("resolved");
        assertThat(team.agent().get(team.path("/contacts/" + customer.contactId())).json().get("payload").get("blocked").asBoolean()).isTrue();

        team.agent().post(conversation + "/mute", null).expect(200);
        team.agent().post(conversation + "/unmute", null).expect(200);
        assertThat(team.agent().get(conversation).json().get("muted").asBoolean()).isFalse();
        var lines = team.agent().get(conversation + "/messages").json().get("payload").valueStream()
                .map(m -> m.get("content").asString()).filter(line -> line.contains("muted the conversation")).toList();
        assertThat(lines).containsExactly("Alan Agent has muted the conversation", "Alan Agent has unmuted the conversation");
        team.agent().post(team.path("/conversations/999999/mute"), null).expect(404);
        Team other = fixtures.account();
        other.admin().post(other.path("/conversations/" + displayId + "/mute"), null).expect(404);
    }

    @Test
    void messagesCarryAccountUpdatedAtAndTheirConversationBlock() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        Customer customer = fixtures.customer(inbox, "Kim Keys");
        long displayId = fixtures.conversation(customer, "first");
        String messages = team.path("/conversations/" + displayId + "/messages");
        JsonNode reply = team.agent().post(messages, Map.of("content", "a reply")).expect(200).json();
        assertThat(reply.get("account_id").asLong()).isEqualTo(team.accountId());
        assertThat(reply.get("updated_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(reply.get("conversation").get("contact_inbox").get("source_id").asString()).isEqualTo(customer.sourceId());
        assertThat(reply.get("conversation").has("unread_count")).isTrue();
        assertThat(reply.get("conversation").get("last_activity_at").asLong()).isPositive();

        JsonNode listed = team.agent().get(messages).expect(200).json().get("payload");
        assertThat(listed.valueStream().allMatch(m -> m.get("account_id").asLong() == team.accountId()
                && customer.sourceId().equals(m.get("conversation").get("contact_inbox").get("source_id").asString()))).isTrue();
        JsonNode card = team.agent().get(team.path("/conversations?status=open")).json().get("data").get("payload").get(0);
        assertThat(card.get("last_non_activity_message").get("conversation").get("contact_inbox").get("source_id").asString())
                .isEqualTo(customer.sourceId());
    }

    @Test
    void inboxesCarryTheKeysOfChatwootsInboxPartial() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        JsonNode json = team.admin().get(team.path("/inboxes/" + inbox.id())).expect(200).json();
        for (String key : List.of("csat_response_visible", "callback_webhook_url", "sender_name_type", "business_name", "widget_color",
                "website_url", "welcome_title", "welcome_tagline", "web_widget_script", "website_token", "selected_feature_flags",
                "reply_time", "messaging_service_sid", "phone_number", "provider", "inbox_identifier", "additional_attributes")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertThat(json.get("sender_name_type").asString()).isEqualTo("friendly");
    }
}
