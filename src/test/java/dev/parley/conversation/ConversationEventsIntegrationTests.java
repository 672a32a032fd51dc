package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.shared.Actor;
import dev.parley.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events carry what was true at commit and who acted; a command that changes nothing publishes nothing. */
class ConversationEventsIntegrationTests extends IntegrationTest {

    @Test
    void resolvingCarriesTheAssigneeAtThatMoment() {
        var team = fixtures.account();
        var inbox = fixtures.inbox(team, team.agentUser());
        long id = fixtures.conversation(fixtures.customer(inbox, "Eve"), "hi");
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);
        team.agent().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved")).expect(200);
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", (Object) "nil")).expect(200);

        var resolved = statusChanges(team.accountId(), id).stream().filter(e -> e.to() == ConversationStatus.RESOLVED).toList();
        assertThat(resolved).hasSize(1);
        assertThat(resolved.get(0).from()).isEqualTo(ConversationStatus.OPEN);
        assertThat(resolved.get(0).assigneeIdAtChange()).isEqualTo(team.agentUser().id());
        assertThat(resolved.get(0).causedBy().kind()).isEqualTo(Actor.Kind.USER);
        assertThat(resolved.get(0).causedBy().id()).isEqualTo(team.agentUser().id());

        var assignees = events.ofType(ConversationAssigneeChanged.class).stream()
                .filter(e -> e.accountId() == team.accountId() && e.displayId() == id).toList();
        assertThat(assignees).extracting(ConversationAssigneeChanged::from, ConversationAssigneeChanged::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, team.agentUser().id()),
                        org.assertj.core.groups.Tuple.tuple(team.agentUser().id(), null));
    }

    @Test
    void aCommandThatChangesNothingPublishesNothing() {
        var team = fixtures.account();
        var inbox = fixtures.inbox(team, team.agentUser());
        long id = fixtures.conversation(fixtures.customer(inbox, "Nora"), "hi");
        team.agent().post(team.path("/conversations/" + id + "/labels"), Map.of("labels", List.of("vip"))).expect(200);
        int updatesBefore = updates(team.accountId(), id).size();
        int messagesBefore = team.agent().get(team.path("/conversations/" + id + "/messages")).json().get("payload").size();

        team.agent().post(team.path("/conversations/" + id + "/labels"), Map.of("labels", List.of("vip"))).expect(200);
        team.agent().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "open")).expect(200);
        team.agent().post(team.path("/conversations/" + id + "/toggle_priority"), Map.of("priority", (Object) "nil")).expect(200);

        assertThat(updates(team.accountId(), id)).hasSize(updatesBefore);
        assertThat(team.agent().get(team.path("/conversations/" + id + "/messages")).json().get("payload").size()).isEqualTo(messagesBefore);
    }

    @Test
    void updatesCarryChatwootsChangeMap() {
        var team = fixtures.account();
        var inbox = fixtures.inbox(team, team.agentUser());
        long id = fixtures.conversation(fixtures.customer(inbox, "Max"), "hi");
        team.agent().post(team.path("/conversations/" + id + "/toggle_priority"), Map.of("priority", "high")).expect(200);
        var last = updates(team.accountId(), id).get(updates(team.accountId(), id).size() - 1);
        assertThat(last.changedAttributes()).containsEntry("priority", java.util.Arrays.asList(null, "high"));
    }

    @Test
    void messagesAnnounceTypeSenderAndWhetherTheyAreAReply() {
        var team = fixtures.account();
        var inbox = fixtures.inbox(team, team.agentUser());
        var customer = fixtures.customer(inbox, "Ivy");
        long id = fixtures.conversation(customer, "hi");
        team.agent().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "hello")).expect(200);
        team.agent().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "note", "private", true)).expect(200);
        var created = events.ofType(MessageCreated.class).stream()
                .filter(e -> e.accountId() == team.accountId() && e.displayId() == id && e.messageType() != MessageType.ACTIVITY).toList();
        assertThat(created).extracting(MessageCreated::messageType, MessageCreated::senderType, MessageCreated::humanReply,
                        MessageCreated::firstReply)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MessageType.INCOMING, "Contact", false, false),
                        org.assertj.core.groups.Tuple.tuple(MessageType.OUTGOING, "User", true, true),
                        org.assertj.core.groups.Tuple.tuple(MessageType.OUTGOING, "User", false, false));
        assertThat(created.get(0).causedBy().kind()).isEqualTo(Actor.Kind.CONTACT);
        var conversationCreated = events.ofType(ConversationCreated.class).stream()
                .filter(e -> e.accountId() == team.accountId() && e.displayId() == id).toList();
        assertThat(conversationCreated).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ConversationStatus.OPEN);
            assertThat(e.assigneeId()).isNull();
        });
    }

    private List<ConversationStatusChanged> statusChanges(long accountId, long displayId) {
        return events.ofType(ConversationStatusChanged.class).stream()
                .filter(e -> e.accountId() == accountId && e.displayId() == displayId).toList();
    }

    private List<ConversationUpdated> updates(long accountId, long displayId) {
        return events.ofType(ConversationUpdated.class).stream()
                .filter(e -> e.accountId() == accountId && e.displayId() == displayId).toList();
    }
}
