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
import dev.parley.shared.PerTransaction;
import dev.parley.shared.reactors.AfterBatch;
import dev.parley.shared.reactors.Reactor;
import dev.parley.shared.reactors.Reacts;
import org.springframework.stereotype.Component;

/**
 * Turns conversation events into reporting facts, from what the event carries (the assignee when it
 * was resolved, the time it happened), never from the conversation as it is later. A batch's facts are written in
 * one statement at its end (kept with the batch's transaction until then, so a batch done again starts afresh);
 * a read of earlier facts writes those kept first.
 */
@Component
@Reactor("reporting")
class ReportingListener {

    private final ReportingRepository reporting;
    private final ConversationQueries conversations;
    private final InboxQueries inboxes;
    /** The facts of the batch in hand, not yet written. */
    private final PerTransaction<Class<Fact>, java.util.List<Fact>> unwritten = new PerTransaction<>();

    ReportingListener(ReportingRepository reporting, ConversationQueries conversations, InboxQueries inboxes) {
        this.reporting = reporting;
        this.conversations = conversations;
        this.inboxes = inboxes;
    }

    @Reacts
    void on(ConversationCreated e) {
        append(new Fact(e.accountId(), e.inboxId(), e.assigneeId(), e.teamId(), e.conversationId(), "conversation_created", 0, 0,
                e.occurredAt(), e.occurredAt(), e.eventId()));
    }

    @Reacts
    void on(ConversationStatusChanged e) {
        Instant created = createdAt(e.conversationId()).orElse(e.occurredAt());
        if (e.to() == ConversationStatus.RESOLVED) {
            append(new Fact(e.accountId(), e.inboxId(), e.assigneeIdAtChange(), e.teamIdAtChange(), e.conversationId(),
                    "conversation_resolved", seconds(created, e.occurredAt()), businessSeconds(e.accountId(), e.inboxId(), created, e.occurredAt()),
                    created, e.occurredAt(), e.eventId()));
        } else if (e.to() == ConversationStatus.OPEN) {
            Instant lastResolved = lastEnd(e.conversationId(), "conversation_resolved", e.occurredAt()).orElse(null);
            Instant since = lastResolved == null ? e.occurredAt() : lastResolved;
            append(new Fact(e.accountId(), e.inboxId(), e.assigneeIdAtChange(), e.teamIdAtChange(), e.conversationId(),
                    "conversation_opened", seconds(since, e.occurredAt()), businessSeconds(e.accountId(), e.inboxId(), since, e.occurredAt()),
                    since, e.occurredAt(), e.eventId()));
        }
    }

    @Reacts
    void on(MessageCreated e) {
        if (e.messageType() == MessageType.ACTIVITY) return;
        if (e.messageType() == MessageType.INCOMING || e.messageType() == MessageType.OUTGOING && !e.isPrivate()) {
            String name = e.messageType() == MessageType.INCOMING ? "incoming_message" : "outgoing_message";
            Fact message = new Fact(e.accountId(), e.inboxId(), e.senderType() != null && e.senderType().equals("User") ? e.senderId() : null,
                    null, e.conversationId(), name, 0, 0, e.occurredAt(), e.occurredAt(), e.eventId());
            Fact reply = e.humanReply() ? replyFact(e) : null; // before keeping any: should it fail, the event keeps no fact
            append(message);
            if (reply != null) append(reply);
            return;
        }
        if (e.humanReply()) {
            Fact reply = replyFact(e);
            if (reply != null) append(reply);
        }
    }

    /** The first response's or reply time's fact of a human reply, or null. */
    private Fact replyFact(MessageCreated e) {
        if (e.firstReply()) {
            // since the last time the conversation (re)started waiting for people: its last reopening, else its creation
            Instant since = lastEnd(e.conversationId(), "conversation_opened", e.occurredAt())
                    .orElseGet(() -> createdAt(e.conversationId()).orElse(e.occurredAt()));
            return new Fact(e.accountId(), e.inboxId(), e.senderId(), null, e.conversationId(), "first_response",
                    seconds(since, e.occurredAt()), businessSeconds(e.accountId(), e.inboxId(), since, e.occurredAt()), since, e.occurredAt(),
                    e.eventId());
        } else if (e.waitingSinceBefore() != null) {
            return new Fact(e.accountId(), e.inboxId(), e.assigneeId(), null, e.conversationId(), "reply_time",
                    seconds(e.waitingSinceBefore(), e.occurredAt()),
                    businessSeconds(e.accountId(), e.inboxId(), e.waitingSinceBefore(), e.occurredAt()), e.waitingSinceBefore(), e.occurredAt(),
                    e.eventId());
        }
        return null;
    }

    /** Keeps a fact for the batch's statement (written at once outside a transaction). */
    private void append(Fact fact) {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            reporting.appendAll(java.util.List.of(fact));
            return;
        }
        unwritten.get(Fact.class, k -> new java.util.ArrayList<>()).add(fact);
    }

    /** Writes the batch's facts, in one statement. */
    @AfterBatch
    void write() {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) return;
        java.util.List<Fact> facts = unwritten.get(Fact.class, k -> new java.util.ArrayList<>());
        if (facts.isEmpty()) return;
        reporting.appendAll(facts);
        facts.clear();
    }

    /** When the conversation's last fact of that name ended before a moment: written ones and the batch's kept ones. */
    private java.util.Optional<Instant> lastEnd(long conversationId, String name, Instant before) {
        java.util.Optional<Instant> written = reporting.lastEnd(conversationId, name, before);
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) return written;
        java.util.Optional<Instant> kept = unwritten.get(Fact.class, k -> new java.util.ArrayList<>()).stream()
                .filter(f -> f.conversationId() == conversationId && f.name().equals(name) && f.end() != null && !f.end().isAfter(before))
                .map(Fact::end).max(Instant::compareTo);
        return java.util.stream.Stream.of(written, kept).flatMap(java.util.Optional::stream).max(Instant::compareTo);
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
