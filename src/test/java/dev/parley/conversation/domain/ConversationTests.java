package dev.parley.conversation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.Priority;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The aggregate's transitions and the change map they record, without a database. */
class ConversationTests {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    static ConversationView view(ConversationStatus status, Long assignee) {
        return new ConversationView(1, 1, 1, 1, 1L, 7, UUID.randomUUID(), status, null, assignee, null, null, null, null, T0, null,
                null, Map.of(), Map.of(), List.of(), T0, T0);
    }

    @Test
    void incomingMessageReopensAResolvedConversationAndStartsTheWait() {
        Conversation c = Conversation.of(view(ConversationStatus.RESOLVED, 5L));
        assertThat(c.receiveIncoming(T0.plusSeconds(60), false)).isTrue();
        var after = c.toView(T0);
        assertThat(after.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(after.assigneeId()).isEqualTo(5L);
        assertThat(after.waitingSince()).isEqualTo(T0.plusSeconds(60));
        assertThat(c.changes()).containsEntry("status", List.of("resolved", "open"));
    }

    @Test
    void blockedContactsDoNotReopen() {
        Conversation c = Conversation.of(view(ConversationStatus.RESOLVED, null));
        assertThat(c.receiveIncoming(T0, true)).isFalse();
        assertThat(c.toView(T0).status()).isEqualTo(ConversationStatus.RESOLVED);
    }

    @Test
    void pendingStaysPendingOnIncoming() {
        Conversation c = Conversation.of(view(ConversationStatus.PENDING, null));
        assertThat(c.receiveIncoming(T0, false)).isFalse();
        assertThat(c.toView(T0).status()).isEqualTo(ConversationStatus.PENDING);
    }

    @Test
    void settingTheSameValueRecordsNothing() {
        Conversation c = Conversation.of(view(ConversationStatus.OPEN, 5L));
        assertThat(c.changeStatus(ConversationStatus.OPEN, null)).isFalse();
        assertThat(c.assign(5L)).isFalse();
        assertThat(c.changePriority(null)).isFalse();
        assertThat(c.replaceLabels(List.of())).isFalse();
        assertThat(c.hasChanges()).isFalse();
    }

    @Test
    void aChangeUndoneInTheSameCommandLeavesNoTrace() {
        Conversation c = Conversation.of(view(ConversationStatus.OPEN, 5L));
        c.assign(6L);
        c.assign(5L);
        assertThat(c.hasChanges()).isFalse();
    }

    @Test
    void snoozeTimeIsKeptOnlyWhileSnoozed() {
        Conversation c = Conversation.of(view(ConversationStatus.OPEN, null));
        c.changeStatus(ConversationStatus.SNOOZED, T0.plusSeconds(3600));
        assertThat(c.toView(T0).snoozedUntil()).isEqualTo(T0.plusSeconds(3600));
        c.changeStatus(ConversationStatus.OPEN, T0.plusSeconds(3600));
        assertThat(c.toView(T0).snoozedUntil()).isNull();
    }

    @Test
    void resolvingEndsTheWaitSilently() {
        Conversation c = Conversation.of(view(ConversationStatus.OPEN, null));
        c.receiveIncoming(T0, false);
        c.changeStatus(ConversationStatus.RESOLVED, null);
        assertThat(c.toView(T0).waitingSince()).isNull();
    }

    @Test
    void firstHumanReplyIsRecordedOnceAndEndsTheWait() {
        Conversation c = Conversation.of(view(ConversationStatus.OPEN, null));
        c.receiveIncoming(T0, false);
        assertThat(c.recordHumanReply(T0.plusSeconds(30))).isTrue();
        assertThat(c.recordHumanReply(T0.plusSeconds(90))).isFalse();
        var after = c.toView(T0);
        assertThat(after.firstReplyCreatedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(after.waitingSince()).isNull();
    }

    @Test
    void labelsAreLowerCasedAndDeduplicated() {
        Conversation c = Conversation.of(view(ConversationStatus.OPEN, null));
        c.addLabels(List.of("VIP", "billing", "vip"));
        assertThat(c.toView(T0).labels()).containsExactly("vip", "billing");
        c.removeLabels(List.of("Billing"));
        assertThat(c.toView(T0).labels()).containsExactly("vip");
    }

    @Test
    void priorityChangesAreRecordedWithApiNames() {
        Conversation c = Conversation.of(view(ConversationStatus.OPEN, null));
        c.changePriority(Priority.URGENT);
        assertThat(c.changes()).containsEntry("priority", Arrays.asList(null, "urgent"));
    }
}
