package dev.parley.conversation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.Priority;
import dev.parley.shared.Actor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The activity lines are Chatwoot's, and always name who acted. */
class ActivityMessagesTests {

    private static List<String> describe(ConversationView before, ConversationView after, Actor actor) {
        return ActivityMessages.describe(before, after, actor, ActivityMessages.Reason.NONE, id -> "Agent " + id, id -> "team " + id);
    }

    private static ConversationView with(ConversationStatus status, Long assignee, Long team, Priority priority, List<String> labels) {
        var v = ConversationTests.view(status, assignee);
        return new ConversationView(v.id(), v.accountId(), v.inboxId(), v.contactId(), v.contactInboxId(), v.displayId(), v.uuid(), status,
                priority, assignee, team, null, null, null, v.lastActivityAt(), null, null, v.additionalAttributes(),
                v.customAttributes(), labels, v.createdAt(), v.updatedAt());
    }

    @Test
    void ruleActionsNameTheRule() {
        var before = with(ConversationStatus.RESOLVED, 5L, null, null, List.of());
        var after = with(ConversationStatus.RESOLVED, null, null, null, List.of());
        assertThat(describe(before, after, Actor.rule(9, "Unassign on resolve", 1)))
                .containsExactly("Conversation unassigned by Automation System (rule: Unassign on resolve)");
    }

    @Test
    void selfAssignmentAndAssignmentByOthers() {
        var before = with(ConversationStatus.OPEN, null, null, null, List.of());
        assertThat(describe(before, with(ConversationStatus.OPEN, 5L, null, null, List.of()), Actor.user(5, "Ann")))
                .containsExactly("Ann self-assigned this conversation");
        assertThat(describe(before, with(ConversationStatus.OPEN, 5L, null, null, List.of()), Actor.assignment()))
                .containsExactly("Assigned to Agent 5 by Auto-assignment");
    }

    @Test
    void teamWithAssigneeIsOneLine() {
        var before = with(ConversationStatus.OPEN, null, null, null, List.of());
        var after = with(ConversationStatus.OPEN, 5L, 3L, null, List.of());
        assertThat(describe(before, after, Actor.user(1, "Ann"))).containsExactly("Assigned to Agent 5 via team 3 by Ann");
    }

    @Test
    void statusLabelsAndPriority() {
        var before = with(ConversationStatus.OPEN, null, null, Priority.LOW, List.of("a"));
        var after = with(ConversationStatus.PENDING, null, null, Priority.HIGH, List.of("b"));
        assertThat(describe(before, after, Actor.user(1, "Ann"))).containsExactly(
                "Conversation was marked as pending by Ann", "Ann added b", "Ann removed a",
                "Ann changed the priority from low to high");
    }

    @Test
    void reasonsExplainSystemReopens() {
        var before = with(ConversationStatus.SNOOZED, null, null, null, List.of());
        var after = with(ConversationStatus.OPEN, null, null, null, List.of());
        assertThat(ActivityMessages.describe(before, after, Actor.system(), ActivityMessages.Reason.SNOOZE_EXPIRED, id -> "", id -> ""))
                .containsExactly("Conversation was reopened by System because the snooze ended");
    }
}
