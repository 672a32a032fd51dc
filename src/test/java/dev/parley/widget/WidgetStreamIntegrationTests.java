package dev.parley.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Fixtures;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WidgetStreamIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void repliesArriveLiveAndAReconnectGetsEveryMissedOneOnceInOrder() {
        Chat chat = chatStartedWith("Is anyone there?");
        Fixtures.Team team = chat.team();
        WidgetVisitor visitor = chat.visitor();
        String messages = chat.conversation() + "/messages";

        String lastSeen;
        try (SseReader tab = open(visitor, Map.of())) {
            await().atMost(PATIENCE).until(() -> !tab.named("queue.position").isEmpty());
            team.agent().post(messages, Map.of("content", "one")).expect(200);
            await().atMost(PATIENCE).until(() -> contents(tab).contains("one"));
            lastSeen = tab.lastId();
        }
        // the visitor's network is down: three replies and a private note go by
        team.agent().post(messages, Map.of("content", "two")).expect(200);
        team.agent().post(messages, Map.of("content", "not for you", "private", true)).expect(200);
        team.agent().post(messages, Map.of("content", "three")).expect(200);
        team.agent().post(messages, Map.of("content", "four")).expect(200);

        try (SseReader back = open(visitor, Map.of("Last-Event-ID", lastSeen)); SseReader otherTab = open(visitor, Map.of())) {
            await().atMost(PATIENCE).until(() -> contents(back).size() >= 3);
            await().atMost(PATIENCE).until(() -> !otherTab.named("queue.position").isEmpty());
            visitor.post("/api/v1/widget/messages", Map.of("message", Map.of("content", "five, from another tab"))).expect(200);
            await().atMost(PATIENCE).until(() -> contents(back).contains("five, from another tab")
                    && contents(otherTab).contains("five, from another tab"));
            assertThat(contents(back)).containsExactly("two", "three", "four", "five, from another tab");
            JsonNode reply = json(back.named("message.created").get(0)); // the widget message, in Chatwoot's snake_case
            assertThat(reply.get("message_type").asInt()).isEqualTo(1);
            assertThat(reply.at("/sender/type").asString()).isEqualTo("user");
            assertThat(reply.at("/sender/available_name").asString()).isEqualTo("Alan Agent");
            List<Long> ids = back.named("message.created").stream().map(e -> Long.parseLong(e.id())).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            assertThat(ids.get(0)).isGreaterThan(Long.parseLong(lastSeen));
            assertThat(contents(otherTab)).containsExactly("five, from another tab");
        }
    }

    @Test
    void theVisitorSeesTheAgentTypingTheAssigneeAndTheStatus() {
        Chat chat = chatStartedWith("hello");
        Fixtures.Team team = chat.team();
        WidgetVisitor visitor = chat.visitor();
        String conversation = chat.conversation();
        try (SseReader tab = open(visitor, Map.of("Last-Event-ID", "0"))) {
            await().atMost(PATIENCE).until(() -> !tab.named("queue.position").isEmpty()); // connected
            team.agent().post(conversation + "/toggle_typing_status", Map.of("typing_status", "on")).expect(200);
            await().atMost(PATIENCE).until(() -> !tab.named("conversation.typing_on").isEmpty());
            assertThat(json(tab.named("conversation.typing_on").get(0)).at("/user/name").asString()).isEqualTo("Alan Agent");
            assertThat(tab.named("conversation.typing_on").get(0).id()).isNull();

            team.admin().post(conversation + "/assignments", Map.of("assignee_id", team.agentUser().id())).expect(200);
            await().atMost(PATIENCE).until(() -> !tab.named("assignee.changed").isEmpty());
            assertThat(json(tab.named("assignee.changed").get(0)).at("/assignee/name").asString()).isEqualTo("Alan Agent");

            team.agent().post(conversation + "/toggle_status", Map.of("status", "resolved")).expect(200);
            await().atMost(PATIENCE).until(() -> !tab.named("conversation.status_changed").isEmpty());
            assertThat(json(tab.named("conversation.status_changed").get(0)).get("status").asString()).isEqualTo("resolved");
            // the replay from 0 began with the visitor's own first message
            assertThat(contents(tab).get(0)).isEqualTo("hello");
        }
    }

    @Test
    void readingIsSeenOnBothSides() {
        Chat chat = chatStartedWith("hello");
        Fixtures.Team team = chat.team();
        WidgetVisitor visitor = chat.visitor();
        String conversation = chat.conversation();
        try (SseReader tab = open(visitor, Map.of())) {
            await().atMost(PATIENCE).until(() -> !tab.named("queue.position").isEmpty());
            team.agent().post(conversation + "/update_last_seen", Map.of()).expect(200);
            await().atMost(PATIENCE).until(() -> !tab.named("conversation.read").isEmpty());
            assertThat(json(tab.named("conversation.read").get(0)).get("agent_last_seen_at").asLong()).isPositive();
            team.agent().post(conversation + "/update_last_seen", Map.of()).expect(200); // nothing new: nothing announced
        }
        team.agent().post(conversation + "/messages", Map.of("content", "answer")).expect(200);
        visitor.post("/api/v1/widget/conversations/update_last_seen", null).expect(200);
        visitor.post("/api/v1/widget/conversations/update_last_seen", null).expect(200);
        var seen = events.ofType(dev.parley.conversation.ConversationSeen.class).stream().filter(e -> e.displayId() == chat.displayId()
                && e.accountId() == team.accountId()).toList();
        assertThat(seen).extracting(dev.parley.conversation.ConversationSeen::byContact).containsExactly(false, true);
        assertThat(team.agent().get(conversation).expect(200).json().get("contact_last_seen_at").asLong()).isPositive();
    }

    @Test
    void aStreamNeedsTheVisitorsToken() {
        Fixtures.Team team = fixtures.account();
        var inbox = WidgetFixtures.widgetInbox(team, Map.of());
        WidgetVisitor stranger = new WidgetVisitor(port, inbox.websiteToken(), "not-a-token");
        assertThat(stranger.raw("GET", "/api/v1/widget/stream", Map.of()).statusCode()).isEqualTo(404);
    }

    /** A visitor on a new account's widget inbox (answered by Alan Agent) who has just written {@code first}. */
    private Chat chatStartedWith(String first) {
        Fixtures.Team team = fixtures.account();
        var inbox = WidgetFixtures.widgetInbox(team, Map.of(), team.agentUser());
        WidgetVisitor visitor = WidgetVisitor.arrive(port, inbox.websiteToken());
        visitor.post("/api/v1/widget/messages", Map.of("message", Map.of("content", first))).expect(200);
        long displayId = visitor.get("/api/v1/widget/conversations").expect(200).json().get("id").asLong();
        return new Chat(team, visitor, displayId);
    }

    private record Chat(Fixtures.Team team, WidgetVisitor visitor, long displayId) {

        /** The conversation's path in the agents' API. */
        String conversation() {
            return team.path("/conversations/" + displayId);
        }
    }

    private SseReader open(WidgetVisitor visitor, Map<String, String> headers) {
        return new SseReader(visitor.url("/api/v1/widget/stream") + "&auth_token=" + visitor.authToken, headers);
    }

    private static List<String> contents(SseReader reader) {
        return reader.named("message.created").stream().map(e -> json(e).get("content").asString()).toList();
    }

    private static JsonNode json(SseReader.Event event) {
        return JSON.readTree(event.data());
    }
}
