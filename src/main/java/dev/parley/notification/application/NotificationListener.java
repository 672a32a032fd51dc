package dev.parley.notification.application;

import dev.parley.account.AccountQueries;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.conversation.ConversationAssigneeChanged;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.MentionMarkup;
import dev.parley.conversation.MessageCreated;
import dev.parley.conversation.MessageType;
import dev.parley.notification.NotificationCreated;
import dev.parley.notification.persistence.NotificationRepository;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.UUID;
import java.util.regex.Matcher;
import org.springframework.context.ApplicationEventPublisher;
import dev.parley.shared.reactors.AfterBatch;
import dev.parley.shared.reactors.Reactor;
import dev.parley.shared.reactors.Reacts;
import org.springframework.stereotype.Component;

/**
 * Decides who hears about what (Chatwoot's notification types): the new assignee of a conversation,
 * unless she assigned it to herself; the assignee when the customer writes; every agent of the account
 * mentioned in a note, except its author. One notification per source event, person and type. A batch's
 * notifications are inserted in one statement at its end, each person's unread count read once for them.
 */
@Component
@Reactor("notifications")
class NotificationListener {

    private final NotificationRepository notifications;
    private final ConversationQueries conversations;
    private final ContactQueries contacts;
    private final AccountQueries accounts;
    private final ApplicationEventPublisher events;
    /** The batch's notifications, not yet inserted (kept with the batch's transaction: a batch done again starts afresh). */
    private final dev.parley.shared.PerTransaction<Class<NotificationRepository.New>, java.util.List<NotificationRepository.New>> unsent =
            new dev.parley.shared.PerTransaction<>();

    NotificationListener(NotificationRepository notifications, ConversationQueries conversations, ContactQueries contacts,
                         AccountQueries accounts, ApplicationEventPublisher events) {
        this.notifications = notifications;
        this.conversations = conversations;
        this.contacts = contacts;
        this.accounts = accounts;
        this.events = events;
    }

    @Reacts
    void on(ConversationAssigneeChanged e) {
        if (e.to() == null || e.causedBy().isUser() && e.causedBy().id().equals(e.to())) return;
        String by = e.causedBy().displayName();
        keep(java.util.List.of(notification(e.accountId(), e.to(), "conversation_assignment", e.conversationId(), e.displayId(),
                "Conversation #" + e.displayId() + " was assigned to you by " + by, by, e.occurredAt(), e.eventId())));
    }

    @Reacts
    void on(MessageCreated e) {
        var found = new java.util.ArrayList<NotificationRepository.New>(); // kept only once the whole event is handled
        if (e.messageType() == MessageType.INCOMING && e.assigneeId() != null) {
            // the customer wrote it: the event's actor carries her name (no reads on every incoming message)
            String customer = e.causedBy().kind() == dev.parley.shared.Actor.Kind.CONTACT && e.causedBy().name() != null ? e.causedBy().name()
                    : conversations.findById(e.conversationId()).flatMap(c -> contacts.find(c.accountId(), c.contactId()))
                    .map(ContactView::name).orElse("The customer");
            found.add(notification(e.accountId(), e.assigneeId(), "assigned_conversation_new_message", e.conversationId(), e.displayId(),
                    customer + " wrote in conversation #" + e.displayId(), customer, e.occurredAt(), e.eventId()));
        }
        if (e.isPrivate() && e.messageType() != MessageType.ACTIVITY) {
            conversations.message(e.conversationId(), e.messageId()).ifPresent(note -> {
                var mentioned = new LinkedHashSet<Long>();
                Matcher m = MentionMarkup.PATTERN.matcher(note.content() == null ? "" : note.content());
                while (m.find()) mentioned.add(Long.parseLong(m.group(2)));
                String author = e.causedBy().displayName();
                for (long userId : mentioned) {
                    if (e.senderId() != null && e.senderId() == userId) continue;
                    if (accounts.agent(e.accountId(), userId).isEmpty()) continue;
                    found.add(notification(e.accountId(), userId, "conversation_mention", e.conversationId(), e.displayId(),
                            author + " mentioned you in conversation #" + e.displayId(), author, e.occurredAt(), e.eventId()));
                }
            });
        }
        keep(found);
    }

    private static NotificationRepository.New notification(long accountId, long userId, String type, long conversationId, long displayId,
                                                           String message, String actor, Instant at, UUID sourceEventId) {
        return new NotificationRepository.New(accountId, userId, type, conversationId, displayId, message, actor, at, sourceEventId);
    }

    /** Keeps an event's notifications for the batch's statement (inserted at once outside a transaction). */
    private void keep(java.util.List<NotificationRepository.New> found) {
        if (found.isEmpty()) return;
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            send(found);
            return;
        }
        unsent.get(NotificationRepository.New.class, k -> new java.util.ArrayList<>()).addAll(found);
    }

    /** Inserts the batch's notifications in one statement and announces the new ones, in order, each with its unread count. */
    @AfterBatch
    void sendBatch() {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) return;
        java.util.List<NotificationRepository.New> batch = unsent.get(NotificationRepository.New.class, k -> new java.util.ArrayList<>());
        if (batch.isEmpty()) return;
        var copy = java.util.List.copyOf(batch);
        batch.clear();
        send(copy);
    }

    private void send(java.util.List<NotificationRepository.New> batch) {
        java.util.Map<NotificationRepository.New, Long> ids = notifications.insertAll(batch);
        // each person's unread count after the whole batch, read once; the k-th of her m new ones had (count - m + k)
        var newPerPerson = new java.util.HashMap<java.util.List<Long>, Long>();
        for (var n : batch) if (ids.containsKey(n)) newPerPerson.merge(java.util.List.of(n.accountId(), n.userId()), 1L, Long::sum);
        var before = new java.util.HashMap<java.util.List<Long>, Long>();
        newPerPerson.forEach((person, count) -> before.put(person, notifications.unread(person.get(0), person.get(1)) - count));
        for (var n : batch) {
            Long id = ids.get(n);
            if (id == null) continue; // that event already notified that person of that type
            long unread = before.merge(java.util.List.of(n.accountId(), n.userId()), 1L, Long::sum);
            events.publishEvent(new NotificationCreated(UUID.randomUUID(), n.at(), n.accountId(), n.userId(), id, n.message(), unread));
        }
    }
}
