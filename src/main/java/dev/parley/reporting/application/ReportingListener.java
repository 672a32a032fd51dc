package dev.parley.reporting.application;

import dev.parley.conversation.ConversationCreated;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStatusChanged;
import dev.parley.conversation.MessageCreated;
import dev.parley.conversation.MessageType;
import dev.parley.inbox.InboxQueries;
import dev.parley.reporting.persistence.ReportingRepository;
import dev.parley.reporting.persistence.ReportingRepository.Fact;
import java.time.Duration;
import java.time.Instant;
import dev.parley.shared.reactors.Reactor;
import dev.parley.shared.reactors.Reacts;
import org.springframework.stereotype.Component;

/**
 * Turns conversation events into reporting facts, from what the event carries (the assignee when it
 * was resolved, the time it happened), never from the conversation as it is later.
 */
@Component
@Reactor("reporting")
class ReportingListener {

    private final ReportingRepository reporting;
    private final ConversationQueries conversations;
    private final InboxQueries inboxes;

    ReportingListener(ReportingRepository reporting, ConversationQueries conversations, InboxQueries inboxes) {
        this.reporting = reporting;
        this.conversations = conversations;
        this.inboxes = inboxes;
    }

    @Reacts
    void on(ConversationCreated e) {
        reporting.append(new Fact(e.accountId(), e.inboxId(), e.assigneeId(), e.teamId(), e.conversationId(), "conversation_created", 0, 0,
                e.occurredAt(), e.occurredAt(), e.eventId()));
    }

    @Reacts
    void on(ConversationStatusChanged e) {
        Instant created = createdAt(e.conversationId()).orElse(e.occurredAt());
        if (e.to() == ConversationStatus.RESOLVED) {
            reporting.append(new Fact(e.accountId(), e.inboxId(), e.assigneeIdAtChange(), e.teamIdAtChange(), e.conversationId(),
                    "conversation_resolved", seconds(created, e.occurredAt()), businessSeconds(e.accountId(), e.inboxId(), created, e.occurredAt()),
                    created, e.occurredAt(), e.eventId()));
        } else if (e.to() == ConversationStatus.OPEN) {
            Instant lastResolved = reporting.lastEnd(e.conversationId(), "conversation_resolved", e.occurredAt()).orElse(null);
            Instant since = lastResolved == null ? e.occurredAt() : lastResolved;
            reporting.append(new Fact(e.accountId(), e.inboxId(), e.assigneeIdAtChange(), e.teamIdAtChange(), e.conversationId(),
                    "conversation_opened", seconds(since, e.occurredAt()), businessSeconds(e.accountId(), e.inboxId(), since, e.occurredAt()),
                    since, e.occurredAt(), e.eventId()));
        }
    }

    @Reacts
    void on(MessageCreated e) {
        if (e.messageType() == MessageType.ACTIVITY) return;
        if (e.messageType() == MessageType.INCOMING || e.messageType() == MessageType.OUTGOING && !e.isPrivate()) {
            String name = e.messageType() == MessageType.INCOMING ? "incoming_message" : "outgoing_message";
            reporting.append(new Fact(e.accountId(), e.inboxId(), e.senderType() != null && e.senderType().equals("User") ? e.senderId() : null,
                    null, e.conversationId(), name, 0, 0, e.occurredAt(), e.occurredAt(), e.eventId()));
        }
        if (!e.humanReply()) return;
        if (e.firstReply()) {
            // since the last time the conversation (re)started waiting for people: its last reopening, else its creation
            Instant since = reporting.lastEnd(e.conversationId(), "conversation_opened", e.occurredAt())
                    .orElseGet(() -> createdAt(e.conversationId()).orElse(e.occurredAt()));
            reporting.append(new Fact(e.accountId(), e.inboxId(), e.senderId(), null, e.conversationId(), "first_response",
                    seconds(since, e.occurredAt()), businessSeconds(e.accountId(), e.inboxId(), since, e.occurredAt()), since, e.occurredAt(),
                    e.eventId()));
        } else if (e.waitingSinceBefore() != null) {
            reporting.append(new Fact(e.accountId(), e.inboxId(), e.assigneeId(), null, e.conversationId(), "reply_time",
                    seconds(e.waitingSinceBefore(), e.occurredAt()),
                    businessSeconds(e.accountId(), e.inboxId(), e.waitingSinceBefore(), e.occurredAt()), e.waitingSinceBefore(), e.occurredAt(),
                    e.eventId()));
        }
    }

    /** When the conversation was created (it never changes, so reading it later is safe). */
    private java.util.Optional<Instant> createdAt(long conversationId) {
        return conversations.findById(conversationId).map(c -> c.createdAt());
    }

    /** The part of [from, to) inside the inbox's business hours (all of it when the inbox has none). */
    private double businessSeconds(long accountId, long inboxId, Instant from, Instant to) {
        return inboxes.find(accountId, inboxId).map(i -> i.workingHours().secondsOpenBetween(from, to)).orElse(seconds(from, to));
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }
}
