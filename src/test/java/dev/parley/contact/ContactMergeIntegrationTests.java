package dev.parley.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Chatwoot's contact merge: POST /actions/contact_merge. */
class ContactMergeIntegrationTests extends IntegrationTest {

    private Team team;
    private Inbox inbox;

    @BeforeEach
    void world() {
        team = fixtures.account();
        inbox = fixtures.inbox(team, team.agentUser());
    }

    @Test
    void mergeMovesConversationsAndIdentitiesToTheBaseFillsItsBlanksAndDeletesTheMergee() {
        Customer base = fixtures.customer(inbox, "Bea Base");
        Customer mergee = fixtures.customer(inbox, "Mo Mergee");
        long baseConversation = fixtures.conversation(base, "first");
        long moved = fixtures.conversation(mergee, "second");
        team.admin().patch(team.path("/contacts/" + base.contactId()), Map.of("custom_attributes", Map.of("plan", "gold"),
                "additional_attributes", Map.of("company_name", "Base Inc"))).expect(200);
        team.admin().patch(team.path("/contacts/" + mergee.contactId()), Map.of("phone_number", "+15550009999",
                "custom_attributes", Map.of("plan", "silver", "seats", 4), "additional_attributes", Map.of("city", "Lyon"))).expect(200);

        JsonNode merged = team.agent().post(team.path("/actions/contact_merge"),
                Map.of("base_contact_id", base.contactId(), "mergee_contact_id", mergee.contactId())).expect(200).json();

        assertThat(merged.get("id").asLong()).isEqualTo(base.contactId());
        assertThat(merged.get("name").asString()).isEqualTo("Bea Base");
        assertThat(merged.get("phone_number").asString()).as("the mergee fills a blank of the base").isEqualTo("+15550009999");
        assertThat(merged.get("custom_attributes").get("plan").asString()).as("the base wins").isEqualTo("gold");
        assertThat(merged.get("custom_attributes").get("seats").asInt()).isEqualTo(4);
        assertThat(merged.get("additional_attributes").get("city").asString()).isEqualTo("Lyon");
        assertThat(merged.get("additional_attributes").get("company_name").asString()).isEqualTo("Base Inc");
        team.admin().get(team.path("/contacts/" + mergee.contactId())).expect(404);
        JsonNode conversations = team.admin().get(team.path("/contacts/" + base.contactId() + "/conversations")).expect(200).json();
        assertThat(displayIds(conversations.get("payload"))).containsExactlyInAnyOrder(baseConversation, moved);
        JsonNode movedConversation = team.admin().get(team.path("/conversations/" + moved)).expect(200).json();
        assertThat(movedConversation.get("meta").get("sender").get("id").asLong()).isEqualTo(base.contactId());

        // the mergee's source id now names the base: the customer goes on writing into the same conversation
        anonymous().post(mergee.conversationsPath() + "/" + moved + "/messages", Map.of("content", "still me")).expect(200);
        JsonNode messages = team.admin().get(team.path("/conversations/" + moved + "/messages")).expect(200).json().get("payload");
        assertThat(messages.get(messages.size() - 1).get("sender").get("id").asLong()).isEqualTo(base.contactId());
        assertThat(messages.get(0).get("sender").get("id").asLong()).as("earlier messages are the base's too").isEqualTo(base.contactId());
    }

    @Test
    void refusesWhatIsMissingOrElsewhereAndMergingAContactWithItselfChangesNothing() {
        Customer base = fixtures.customer(inbox, "Solo Contact");
        Team other = fixtures.account();
        Customer stranger = fixtures.customer(fixtures.inbox(other), "Stranger");

        team.agent().post(team.path("/actions/contact_merge"), Map.of("base_contact_id", base.contactId())).expect(422);
        team.agent().post(team.path("/actions/contact_merge"), Map.of()).expect(422);
        team.agent().post(team.path("/actions/contact_merge"), Map.of("base_contact_id", base.contactId(), "mergee_contact_id", "abc"))
                .expect(400);
        team.agent().post(team.path("/actions/contact_merge"),
                Map.of("base_contact_id", base.contactId(), "mergee_contact_id", stranger.contactId())).expect(404);
        team.agent().post(team.path("/actions/contact_merge"),
                Map.of("base_contact_id", stranger.contactId(), "mergee_contact_id", base.contactId())).expect(404);
        other.admin().get(other.path("/contacts/" + stranger.contactId())).expect(200);
        other.admin().post(team.path("/actions/contact_merge"),
                Map.of("base_contact_id", base.contactId(), "mergee_contact_id", base.contactId())).expect(401);

        JsonNode same = team.agent().post(team.path("/actions/contact_merge"),
                Map.of("base_contact_id", base.contactId(), "mergee_contact_id", base.contactId())).expect(200).json();
        assertThat(same.get("id").asLong()).isEqualTo(base.contactId());
        team.admin().get(team.path("/contacts/" + base.contactId())).expect(200);
    }

    private static List<Long> displayIds(JsonNode array) {
        var ids = new ArrayList<Long>();
        array.forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }
}
