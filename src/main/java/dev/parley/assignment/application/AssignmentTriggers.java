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
import dev.parley.shared.reactors.AfterBatch;
import java.util.LinkedHashSet;
import dev.parley.shared.reactors.Reactor;
import dev.parley.shared.reactors.Reacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every moment a conversation starts waiting or an agent gets room, routing runs at once (after the
 * change commits, from the event log, so a crash only delays it). An inbox's queue is routed once per batch of
 * events, after all of them ({@link #route()}), however many of them asked for it: routing takes the account's lock
 * and reads the queue and the agents' load, and does the same whether one event or fifty woke it. Each handler is idempotent:
 * it looks at the current state, and assigning an assigned conversation is refused.
 */
@Component
@Reactor(value = "assignment", ownTransactions = true)
class AssignmentTriggers {

    private static final Logger log = LoggerFactory.getLogger(AssignmentTriggers.class);

    private final AutoAssignment assignment;
    private final ReopenPolicy reopenPolicy;
    /** Inboxes and agents the events of the batch in hand asked to route (filled on the reactor's threads). */
    private final PendingRouting pending = new PendingRouting();

    AssignmentTriggers(AutoAssignment assignment, ReopenPolicy reopenPolicy) {
        this.assignment = assignment;
        this.reopenPolicy = reopenPolicy;
    }

    @Reacts
    void on(ConversationCreated event) {
        if (event.status() == ConversationStatus.OPEN && event.assigneeId() == null) {
            if (event.teamId() != null) assignment.routeToTeam(event.accountId(), event.conversationId(), event.causedBy());
            pending.inbox(event.accountId(), event.inboxId());
        }
    }

    @Reacts
    void on(ConversationStatusChanged event) {
        if (event.to() == ConversationStatus.OPEN) {
            // the full reopen policy is about customers (and the snooze timer) bringing a conversation back;
            // an agent or a rule reopening it on purpose only loses an assignee who left the inbox
            Actor.Kind by = event.causedBy().kind();
            reopenPolicy.apply(event.accountId(), event.conversationId(), by == Actor.Kind.CONTACT || by == Actor.Kind.SYSTEM);
            pending.inbox(event.accountId(), event.inboxId());
        } else if (event.from() == ConversationStatus.OPEN && event.assigneeIdAtChange() != null) {
            pending.agent(event.accountId(), event.assigneeIdAtChange());
        }
    }

    @Reacts
    void on(ConversationAssigneeChanged event) {
        if (event.to() == null && event.status() == ConversationStatus.OPEN) {
            pending.inbox(event.accountId(), event.inboxId());
        }
        if (event.from() != null && event.status() == ConversationStatus.OPEN) {
            pending.agent(event.accountId(), event.from());
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
        event.inboxIds().forEach(inbox -> pending.inbox(event.accountId(), inbox));
    }

    @Reacts
    void on(InboxAssignmentPolicyChanged event) {
        pending.inbox(event.accountId(), event.inboxId());
    }

    @Reacts
    void on(AgentPresenceChanged event) {
        if (event.online()) pending.agent(event.accountId(), event.userId());
    }

    @Reacts
    void on(InboxMembersChanged event) {
        if (!event.added().isEmpty()) pending.inbox(event.accountId(), event.inboxId());
    }

    @Reacts
    void on(InboxSettingsChanged event) {
        if (event.autoAssignmentAfter()) pending.inbox(event.accountId(), event.inboxId());
    }

    /** Routes every inbox the batch's events asked for, once each (an agent's: every inbox she works in). */
    @AfterBatch
    void route() {
        PendingRouting.Work work = pending.drain();
        var inboxes = new LinkedHashSet<>(work.inboxes());
        for (PendingRouting.Key agent : work.agents()) {
            assignment.inboxesOf(agent.accountId(), agent.id()).forEach(inbox -> inboxes.add(new PendingRouting.Key(agent.accountId(), inbox)));
        }
        for (PendingRouting.Key inbox : inboxes) {
            try {
                assignment.assignWaiting(inbox.accountId(), inbox.id());
            } catch (RuntimeException e) {
                // one inbox that cannot be routed must not hold every other inbox's routing back (a failed batch is
                // redone whole): its waiting conversations stay waiting, and the safety-net sweep routes them again
                log.warn("Routing inbox {} of account {} failed; the safety-net sweep retries it", inbox.id(), inbox.accountId(), e);
            }
        }
    }
}
