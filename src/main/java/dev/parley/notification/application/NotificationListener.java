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
import dev.parley.shared.reactors.Reactor;
import dev.parley.shared.reactors.Reacts;
import org.springframework.stereotype.Component;

/**
 * Decides who hears about what (Chatwoot's notification types): the new assignee of a conversation,
 * unless she assigned it to herself; the assignee when the customer writes; every agent of the account
 * mentioned in a note, except its author. One notification per source event, person and type.
 */
@Component
@Reactor("notifications")
class NotificationListener {

    private final NotificationRepository notifications;
    private final ConversationQueries conversations;
    private final ContactQueries contacts;
    private final AccountQueries accounts;
    private final ApplicationEventPublisher events;
    /** Unread counts, read once per person and batch (the batch's transaction) and counted on from there. */
    private final dev.parley.shared.PerTransaction<UnreadOf, long[]> unread = new dev.parley.shared.PerTransaction<>();

    private record UnreadOf(long accountId, long userId) {
    }

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
        notify(e.accountId(), e.to(), "conversation_assignment", e.conversationId(), e.displayId(),
                "Conversation #" + e.displayId() + " was assigned to you by " + by, by, e.occurredAt(), e.eventId());
    }

    @Reacts
    void on(MessageCreated e) {
        if (e.messageType() == MessageType.INCOMING && e.assigneeId() != null) {
            // the customer wrote it: the event's actor carries her name (no reads on every incoming message)
            String customer = e.causedBy().kind() == dev.parley.shared.Actor.Kind.CONTACT && e.causedBy().name() != null ? e.causedBy().name()
                    : conversations.findById(e.conversationId()).flatMap(c -> contacts.find(c.accountId(), c.contactId()))
                    .map(ContactView::name).orElse("The customer");
            notify(e.accountId(), e.assigneeId(), "assigned_conversation_new_message", e.conversationId(), e.displayId(),
                    customer + " wrote in conversation #" + e.displayId(), customer, e.occurredAt(), e.eventId());
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
                    notify(e.accountId(), userId, "conversation_mention", e.conversationId(), e.displayId(),
                            author + " mentioned you in conversation #" + e.displayId(), author, e.occurredAt(), e.eventId());
                }
            });
        }
    }

    private void notify(long accountId, long userId, String type, long conversationId, long displayId, String message, String actor,
                        Instant at, UUID sourceEventId) {
        notifications.insert(accountId, userId, type, conversationId, displayId, message, actor, at, sourceEventId)
                .ifPresent(id -> events.publishEvent(new NotificationCreated(UUID.randomUUID(), at, accountId, userId, id, message,
                        unreadAfterInsert(accountId, userId))));
    }

    /** The person's unread count with the notification just inserted: counted the first time in the batch, then one more each. */
    private long unreadAfterInsert(long accountId, long userId) {
        long[] count = unread.get(new UnreadOf(accountId, userId), k -> new long[] {notifications.unread(accountId, userId) - 1});
        return ++count[0];
    }
}
