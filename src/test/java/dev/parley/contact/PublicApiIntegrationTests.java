package dev.parley.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The public client API of an API inbox: addressed by inbox identifier and source id, never by account ids. */
class PublicApiIntegrationTests extends IntegrationTest {

    @Test
    void contactLifecycleThroughThePublicApi() {
        var team = fixtures.account();
        var inbox = fixtures.inbox(team, team.agentUser());
        Api api = anonymous();
        String base = "/public/api/v1/inboxes/" + inbox.identifier() + "/contacts";
        JsonNode created = api.post(base, Map.of("name", "Pia", "email", "pia@customer.test", "source_id", "pia-1")).expect(200).json();
        assertThat(created.get("source_id").asString()).isEqualTo("pia-1");
        assertThat(created.get("pubsub_token").asString()).isNotBlank();
        assertThat(api.get(base + "/pia-1").expect(200).json().get("email").asString()).isEqualTo("pia@customer.test");
        assertThat(api.patch(base + "/pia-1", Map.of("name", "Pia P.")).expect(200).json().get("name").asString()).isEqualTo("Pia P.");
        assertThat(team.agent().get(team.path("/contacts/search?q=pia")).json().get("payload").get(0).get("name").asString()).isEqualTo("Pia P.");
    }

    @Test
    void badPublicInputIsRefused() {
        var team = fixtures.account();
        var inbox = fixtures.inbox(team);
        Api api = anonymous();
        String base = "/public/api/v1/inboxes/" + inbox.identifier() + "/contacts";
        api.post(base, Map.of("email", "not-an-email")).expect(422);
        api.sendRaw("POST", base, "{").expect(400);
        api.post("/public/api/v1/inboxes/unknown-inbox/contacts", Map.of("name", "x")).expect(404);
        api.get(base + "/no-such-source").expect(404);
        var customer = fixtures.customer(inbox, "Quinn");
        long id = fixtures.conversation(customer, "hi");
        api.post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", "")).expect(422);
        api.get(customer.conversationsPath() + "/999999").expect(404);
    }

    @Test
    void aSourceIdOfOneInboxDoesNotWorkInAnother() {
        var team = fixtures.account();
        var first = fixtures.inbox(team);
        var second = fixtures.inbox(team);
        var customer = fixtures.customer(first, "Rae");
        anonymous().get("/public/api/v1/inboxes/" + second.identifier() + "/contacts/" + customer.sourceId()).expect(404);
    }

    @Test
    void identityHashIsCheckedWhenGivenAndWhenTheInboxRequiresIt() {
        var team = fixtures.account();
        var inboxJson = team.admin().post(team.path("/inboxes"), Map.of("name", "Secure", "channel", Map.of("type", "api", "hmac_mandatory", true)))
                .expect(200).json();
        String base = "/public/api/v1/inboxes/" + inboxJson.get("inbox_identifier").asString() + "/contacts";
        String secret = inboxJson.get("hmac_token").asString();
        Api api = anonymous();
        api.post(base, Map.of("name", "Sam", "identifier", "user-42")).expect(401);
        api.post(base, Map.of("name", "Sam", "identifier", "user-42", "identifier_hash", "deadbeef")).expect(401);
        JsonNode ok = api.post(base, Map.of("name", "Sam", "identifier", "user-42",
                "identifier_hash", PublicIdentity.hmac(secret, "user-42"))).expect(200).json();
        assertThat(ok.get("identifier").asString()).isEqualTo("user-42");
        // the same identifier in a second session finds the same contact
        JsonNode again = api.post(base, Map.of("name", "Sam", "identifier", "user-42",
                "identifier_hash", PublicIdentity.hmac(secret, "user-42"))).expect(200).json();
        assertThat(again.get("id").asLong()).isEqualTo(ok.get("id").asLong());
        assertThat(again.get("source_id").asString()).isNotEqualTo(ok.get("source_id").asString());
    }

    @Test
    void lockToSingleConversationReusesTheLatest() {
        var team = fixtures.account();
        var inbox = fixtures.inbox(team);
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("lock_to_single_conversation", true)).expect(200);
        var customer = fixtures.customer(inbox, "Lou");
        long first = anonymous().post(customer.conversationsPath(), Map.of()).expect(200).json().get("id").asLong();
        long second = anonymous().post(customer.conversationsPath(), Map.of()).expect(200).json().get("id").asLong();
        assertThat(second).isEqualTo(first);
        assertThat(anonymous().get(customer.conversationsPath()).expect(200).json().size()).isEqualTo(1);
    }

    @Test
    void customerTypingAndLastSeenAreAccepted() {
        var team = fixtures.account();
        var inbox = fixtures.inbox(team);
        var customer = fixtures.customer(inbox, "Tia");
        long id = fixtures.conversation(customer, "hi");
        anonymous().post(customer.conversationsPath() + "/" + id + "/toggle_typing", Map.of("typing_status", "on")).expect(200);
        anonymous().post(customer.conversationsPath() + "/" + id + "/update_last_seen", Map.of()).expect(200);
        assertThat(anonymous().get(customer.conversationsPath() + "/" + id).expect(200).json().get("contact_last_seen_at").isNull()).isFalse();
    }
}
