package dev.parley.automation.application;

import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageView;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the rules of a reactor batch's events are evaluated against, read for the whole batch at once when the first
 * event that has rules to run asks: its conversations, their contacts and the triggering messages, one statement each
 * (per account for contacts) instead of one each per event. Read after every event of the batch committed, so it is at
 * least as new as each of them. A
 * conversation that a rule acted on is forgotten, so its next events are evaluated on what the actions left (read
 * again one by one); the present check before an action never uses these facts.
 */
final class BatchFacts {

    /** An event's conversation and triggering message (null: none). */
    record Wanted(long accountId, long conversationId, Long messageId) {
    }

    private final Collection<Wanted> wanted;
    private final ConversationQueries conversationQueries;
    private final ContactQueries contactQueries;
    private volatile boolean read;
    private final Map<Long, ConversationView> conversations = new ConcurrentHashMap<>();
    private final Map<Long, ContactView> contacts = new ConcurrentHashMap<>();
    private final Map<Long, MessageView> messages = new ConcurrentHashMap<>();

    private BatchFacts(Collection<Wanted> wanted, ConversationQueries conversationQueries, ContactQueries contactQueries) {
        this.wanted = wanted;
        this.conversationQueries = conversationQueries;
        this.contactQueries = contactQueries;
    }

    /** The facts of these events, read when the first of them asks (a batch whose events no rule runs at reads nothing). */
    static BatchFacts of(Collection<Wanted> wanted, ConversationQueries conversationQueries, ContactQueries contactQueries) {
        return new BatchFacts(wanted, conversationQueries, contactQueries);
    }

    /** Reads everything at once, in the caller's transaction (the first evaluation's), once. */
    private void read() {
        if (read) return;
        synchronized (this) {
            if (read) return;
            Set<Long> conversationIds = new HashSet<>();
            Set<Long> messageIds = new HashSet<>();
            for (Wanted w : wanted) {
                conversationIds.add(w.conversationId());
                if (w.messageId() != null) messageIds.add(w.messageId());
            }
            conversations.putAll(conversationQueries.findAllById(conversationIds));
            Map<Long, Set<Long>> contactIdsByAccount = new HashMap<>();
            for (ConversationView c : conversations.values()) {
                contactIdsByAccount.computeIfAbsent(c.accountId(), a -> new HashSet<>()).add(c.contactId());
            }
            contactIdsByAccount.forEach((account, ids) -> contacts.putAll(contactQueries.findAll(account, ids)));
            if (!messageIds.isEmpty()) messages.putAll(conversationQueries.messagesById(messageIds));
            read = true;
        }
    }

    /** The conversation as read for the batch, or null (not read, or forgotten: read it now). */
    ConversationView conversation(long id) {
        read();
        return conversations.get(id);
    }

    /** The contact as read for the batch (with its conversation), or null. */
    ContactView contact(long id) {
        read();
        return contacts.get(id);
    }

    /** The message of the conversation as read for the batch, or null. */
    MessageView message(long conversationId, long messageId) {
        read();
        MessageView m = messages.get(messageId);
        return m != null && m.conversationId() == conversationId ? m : null;
    }

    /** A rule acted on the conversation: its next events are evaluated on a fresh read (and its contact's too). */
    void forget(long conversationId) {
        read();
        ConversationView c = conversations.remove(conversationId);
        if (c != null) contacts.remove(c.contactId());
    }
}
