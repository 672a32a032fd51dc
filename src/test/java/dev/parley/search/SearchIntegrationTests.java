package dev.parley.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Chatwoot's search API: what it finds, in Chatwoot's shapes, and never what the caller may not see. */
class SearchIntegrationTests extends IntegrationTest {

    private Team team;
    private Inbox support;
    private String word;

    @BeforeEach
    void world() {
        team = fixtures.account();
        support = fixtures.inbox(team, team.agentUser());
        word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void findsAConversationByDisplayIdAContactByPartOfAnEmailAndAMessageByAWord() {
        Customer carla = fixtures.customer(support, "Carla Quill");
        long displayId = fixtures.conversation(carla, "My parcel never arrived, tracking " + word + " says lost");
        String domain = "mail-" + word + ".example";
        long zelda = team.admin().post(team.path("/contacts"), Map.of("name", "Zelda Stone", "email", "zelda." + word + "@" + domain,
                "phone_number", "+15550001234")).expect(200).json().get("payload").get("contact").get("id").asLong();

        JsonNode byDisplayId = search("/search/conversations", "#" + displayId).get("payload").get("conversations");
        assertThat(byDisplayId.get(0).get("id").asLong()).isEqualTo(displayId);
        assertThat(byDisplayId.get(0).get("contact").get("name").asString()).isEqualTo("Carla Quill");
        assertThat(byDisplayId.get(0).get("inbox").get("id").asLong()).isEqualTo(support.id());
        assertThat(byDisplayId.get(0).get("message").get("content").asString()).contains(word);

        JsonNode byEmail = search("/search/contacts", domain.substring(2, 12)).get("payload").get("contacts");
        assertThat(ids(byEmail)).containsExactly(zelda);
        assertThat(byEmail.get(0).get("phone_number").asString()).isEqualTo("+15550001234");
        assertThat(ids(search("/search/contacts", "0001234").get("payload").get("contacts"))).containsExactly(zelda);

        JsonNode byWord = search("/search/messages", word).get("payload").get("messages");
        assertThat(byWord).hasSize(1);
        assertThat(byWord.get(0).get("conversation_id").asLong()).isEqualTo(displayId);
        assertThat(byWord.get(0).get("message_type").asInt()).isZero();
        assertThat(byWord.get(0).get("sender").get("name").asString()).isEqualTo("Carla Quill");
        assertThat(byWord.get(0).get("inbox").get("name").asString()).isEqualTo("Website");
        assertThat(ids(search("/search/messages", "parcel " + word.substring(0, 6)).get("payload").get("messages")))
                .as("every word, the last also as a prefix").hasSize(1);

        JsonNode all = search("/search", "quill").get("payload");
        assertThat(all.get("conversations").get(0).get("id").asLong()).as("a conversation by its contact's name").isEqualTo(displayId);
        assertThat(all.get("contacts").get(0).get("name").asString()).isEqualTo("Carla Quill");
        assertThat(all.get("messages")).isEmpty();
    }

    @Test
    void anAgentFindsOnlyTheConversationsAndMessagesOfHerInboxesAndNobodyFindsAnotherAccountsData() {
        Inbox billing = fixtures.inbox(team); // the agent is no member
        long mine = fixtures.conversation(fixtures.customer(support, "Mona Mine"), "refund " + word);
        long theirs = fixtures.conversation(fixtures.customer(billing, "Theo Theirs"), "refund " + word);

        assertThat(ids(search("/search/messages", word).get("payload").get("messages"), "conversation_id")).containsExactly(mine);
        assertThat(ids(search("/search/conversations", "Theo Theirs").get("payload").get("conversations"))).isEmpty();
        assertThat(ids(search("/search/conversations", String.valueOf(theirs)).get("payload").get("conversations"))).doesNotContain(theirs);
        assertThat(ids(team.admin().get(team.path("/search/messages?q=" + word)).expect(200).json().get("payload").get("messages"),
                "conversation_id")).containsExactlyInAnyOrder(mine, theirs);

        Team other = fixtures.account();
        fixtures.inbox(other, other.agentUser());
        JsonNode elsewhere = other.admin().get(other.path("/search?q=" + word)).expect(200).json().get("payload");
        assertThat(elsewhere.get("messages")).isEmpty();
        assertThat(elsewhere.get("conversations")).isEmpty();
        assertThat(other.admin().get(other.path("/search/contacts?q=Mona")).expect(200).json().get("payload").get("contacts")).isEmpty();
        other.admin().get(team.path("/search?q=" + word)).expect(401);
        anonymous().get(team.path("/search?q=" + word)).expect(401);
    }

    @Test
    void oddInputIsAnsweredNeverAFailure() {
        fixtures.conversation(fixtures.customer(support, "Percy Percent"), "50% off " + word);
        for (String q : List.of("%", "_", "\\", "'", "!&|:*", "() <->", "  ", "#", "50%", "o'neil", "ü€𝄞", "a".repeat(300))) {
            team.agent().get(team.path("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).expect(200);
        }
        assertThat(ids(search("/search/contacts", "%").get("payload").get("contacts"))).as("% is a literal character").isEmpty();
        team.agent().get(team.path("/search?q=x&page=-1")).expect(422);
        assertThat(team.agent().get(team.path("/search?q=x&page=abc")).status()).isBetween(400, 499);
        team.agent().get(team.path("/search/messages?q=a%00b")).expect(422);
        assertThat(search("/search/conversations", "").get("payload").get("conversations")).as("empty text: everything, as Chatwoot").hasSize(1);
    }

    private JsonNode search(String path, String q) {
        return team.agent().get(team.path(path + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).expect(200).json();
    }

    private static List<Long> ids(JsonNode array) {
        return ids(array, "id");
    }

    private static List<Long> ids(JsonNode array, String key) {
        var ids = new ArrayList<Long>();
        array.forEach(n -> ids.add(n.get(key).asLong()));
        return ids;
    }
}
