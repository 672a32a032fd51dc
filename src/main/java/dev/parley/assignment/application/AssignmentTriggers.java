package dev.parley.assignment.application;

import dev.parley.assignment.AssignmentPolicyChanged;
import dev.parley.assignment.InboxAssignmentPolicyChanged;
import dev.parley.conversation.ConversationAssigneeChanged;
import dev.parley.conversation.ConversationCreated;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStatusChanged;
import dev.parley.conversation.ConversationTeamChanged;
import dev.parley.inbox.InboxMembersChanged;
import dev.parley.inbox.InboxSettingsChanged;
import dev.parley.presence.AgentPresenceChanged;
import dev.parley.shared.Actor;
import dev.parley.shared.reactors.Reactor;
import dev.parley.shared.reactors.Reacts;
import org.springframework.stereotype.Component;

/**
 * Every moment a conversation starts waiting or an agent gets room, routing runs at once (after the
 * change commits, from the event registry, so a crash only delays it). Each handler is idempotent:
 * it looks at the current state, and assigning an assigned conversation is refused.
 */
@Component
@Reactor(value = "assignment", ownTransactions = true)
class AssignmentTriggers {

    private final AutoAssignment assignment;
    private final ReopenPolicy reopenPolicy;

    AssignmentTriggers(AutoAssignment assignment, ReopenPolicy reopenPolicy) {
        this.assignment = assignment;
        this.reopenPolicy = reopenPolicy;
    }

    @Reacts
    void on(ConversationCreated event) {
        if (event.status() == ConversationStatus.OPEN && event.assigneeId() == null) {
            if (event.teamId() != null) assignment.routeToTeam(event.accountId(), event.conversationId(), event.causedBy());
            assignment.assignWaiting(event.accountId(), event.inboxId());
        }
    }

    @Reacts
    void on(ConversationStatusChanged event) {
        if (event.to() == ConversationStatus.OPEN) {
            // the full reopen policy is about customers (and the snooze timer) bringing a conversation back;
            // an agent or a rule reopening it on purpose only loses an assignee who left the inbox
            Actor.Kind by = event.causedBy().kind();
            reopenPolicy.apply(event.accountId(), event.conversationId(), by == Actor.Kind.CONTACT || by == Actor.Kind.SYSTEM);
            assignment.assignWaiting(event.accountId(), event.inboxId());
        } else if (event.from() == ConversationStatus.OPEN && event.assigneeIdAtChange() != null) {
            assignment.backfillFor(event.accountId(), event.assigneeIdAtChange());
        }
    }

    @Reacts
    void on(ConversationAssigneeChanged event) {
        if (event.to() == null && event.status() == ConversationStatus.OPEN) {
            assignment.assignWaiting(event.accountId(), event.inboxId());
        }
        if (event.from() != null && event.status() == ConversationStatus.OPEN) {
            assignment.backfillFor(event.accountId(), event.from());
        }
    }

    @Reacts
    void on(ConversationTeamChanged event) {
        if (event.to() != null && event.assigneeId() == null && event.status() == ConversationStatus.OPEN) {
            assignment.routeToTeam(event.accountId(), event.conversationId(), event.causedBy());
        }
    }

    /** A policy was enabled, disabled or changed: its inboxes are routed by the new settings at once (enabling resumes). */
    @Reacts
    void on(AssignmentPolicyChanged event) {
        event.inboxIds().forEach(inbox -> assignment.assignWaiting(event.accountId(), inbox));
    }

    @Reacts
    void on(InboxAssignmentPolicyChanged event) {
        assignment.assignWaiting(event.accountId(), event.inboxId());
    }

    @Reacts
    void on(AgentPresenceChanged event) {
        if (event.online()) assignment.backfillFor(event.accountId(), event.userId());
    }

    @Reacts
    void on(InboxMembersChanged event) {
        if (!event.added().isEmpty()) assignment.assignWaiting(event.accountId(), event.inboxId());
    }

    @Reacts
    void on(InboxSettingsChanged event) {
        if (event.autoAssignmentAfter()) assignment.assignWaiting(event.accountId(), event.inboxId());
    }
}
