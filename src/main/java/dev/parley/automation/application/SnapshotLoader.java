package dev.parley.automation.application;

import dev.parley.account.CustomAttributeView;
import dev.parley.account.CustomAttributes;
import dev.parley.automation.domain.MessageFacts;
import dev.parley.automation.domain.Snapshot;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Loads, in a handful of queries, the one snapshot every rule of an event is evaluated against. */
@Component
public class SnapshotLoader {

    /** How many recent messages "any message" conditions look at outside message_created. */
    static final int MESSAGES_IN_SCOPE = 200;

    private final ConversationQueries conversations;
    private final ContactQueries contacts;
    private final CustomAttributes customAttributes;
    private final Clock clock;

    SnapshotLoader(ConversationQueries conversations, ContactQueries contacts, CustomAttributes customAttributes, Clock clock) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.customAttributes = customAttributes;
        this.clock = clock;
    }

    public Optional<Snapshot> load(long conversationId, Map<String, List<Object>> changes, Long messageId) {
        return load(conversationId, changes, messageId, true);
    }

    /** Without {@code withCustomTypes} the account's attribute definitions are not read (no rule of the event needs them). */
    public Optional<Snapshot> load(long conversationId, Map<String, List<Object>> changes, Long messageId, boolean withCustomTypes) {
        return conversations.findById(conversationId).map(c -> snapshot(c, changes, messageId, withCustomTypes));
    }

    /**
     * The snapshot of an event: the triggering message's facts are taken from the event when it carries them, and the
     * contact is read only {@code withContact} (some rule of the event reads it; else its facts are left empty).
     */
    Optional<Snapshot> load(TriggeringEvent event, boolean withCustomTypes, boolean withContact) {
        return conversations.findById(event.conversationId()).map(c -> {
            List<MessageFacts> messages = event.message() != null ? List.of(event.message()) : messages(c, event.messageId());
            return of(c, withContact ? contacts.find(c.accountId(), c.contactId()).orElse(null) : null, messages,
                    event.changes() == null ? Map.of() : event.changes(), withCustomTypes ? customTypes(c.accountId()) : Map.of());
        });
    }

    private List<MessageFacts> messages(ConversationView c, Long messageId) {
        List<MessageView> messages = messageId != null
                ? conversations.message(c.id(), messageId).map(List::of).orElse(List.of())
                : conversations.recentMessages(c.id(), MESSAGES_IN_SCOPE);
        return messages.stream().map(SnapshotLoader::facts).toList();
    }

    /** {@link #refreshed(Snapshot, ConversationView)}, reading the contact only {@code withContact}. */
    Snapshot refreshed(Snapshot before, ConversationView now, boolean withContact) {
        if (withContact) return refreshed(before, now);
        return of(now, null, before.messages(), before.changes(), before.customAttributeTypes());
    }

    /**
     * {@link #load(TriggeringEvent, boolean, boolean)} from the facts read for the event's reactor batch; what they do
     * not hold (a conversation a rule acted on since, a message not read with them, a contact not read) is read here.
     */
    Optional<Snapshot> load(TriggeringEvent event, boolean withCustomTypes, boolean withContact, BatchFacts facts) {
        ConversationView c = facts.conversation(event.conversationId());
        if (c == null) return load(event, withCustomTypes, withContact);
        List<MessageFacts> messages;
        if (event.message() != null) messages = List.of(event.message());
        else if (event.messageId() != null) {
            MessageView m = facts.message(c.id(), event.messageId());
            if (m == null) return load(event, withCustomTypes, withContact);
            messages = List.of(facts(m));
        } else messages = messages(c, null);
        ContactView contact = !withContact ? null
                : Optional.ofNullable(facts.contact(c.contactId())).or(() -> contacts.find(c.accountId(), c.contactId())).orElse(null);
        return Optional.of(of(c, contact, messages, event.changes() == null ? Map.of() : event.changes(),
                withCustomTypes ? customTypes(c.accountId()) : Map.of()));
    }

    public Snapshot snapshot(ConversationView c, Map<String, List<Object>> changes, Long messageId) {
        return snapshot(c, changes, messageId, true);
    }

    private Snapshot snapshot(ConversationView c, Map<String, List<Object>> changes, Long messageId, boolean withCustomTypes) {
        List<MessageView> messages = messageId != null
                ? conversations.message(c.id(), messageId).map(List::of).orElse(List.of())
                : conversations.recentMessages(c.id(), MESSAGES_IN_SCOPE);
        return of(c, contacts.find(c.accountId(), c.contactId()).orElse(null),
                messages.stream().map(SnapshotLoader::facts).toList(),
                changes == null ? Map.of() : changes, withCustomTypes ? customTypes(c.accountId()) : Map.of());
    }

    /** The same event's snapshot, with the conversation (as given, locked by the caller) and its contact as they are now. */
    public Snapshot refreshed(Snapshot before, ConversationView now) {
        return of(now, contacts.find(now.accountId(), now.contactId()).orElse(null), before.messages(), before.changes(),
                before.customAttributeTypes());
    }

    private static MessageFacts facts(MessageView m) {
        return new MessageFacts(m.messageType().apiName(), m.content(), m.isPrivate());
    }

    private Snapshot of(ConversationView c, ContactView contact, List<MessageFacts> messages, Map<String, List<Object>> changes,
                        Map<String, Map<String, String>> customTypes) {
        return new Snapshot(c.status().apiName(), c.priority() == null ? null : c.priority().apiName(), c.assigneeId(), c.teamId(),
                c.inboxId(), new LinkedHashSet<>(c.labels()), c.additionalAttributes(), c.customAttributes(),
                contact == null ? null : contact.email(), contact == null ? null : contact.phoneNumber(),
                contact == null ? Map.of() : contact.additionalAttributes(), contact == null ? Map.of() : contact.customAttributes(),
                messages, changes, customTypes, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** The account's custom attribute definitions as key -> model -> display type. */
    public Map<String, Map<String, String>> customTypes(long accountId) {
        Map<String, Map<String, String>> types = new HashMap<>();
        for (CustomAttributeView d : customAttributes.all(accountId, null)) {
            types.computeIfAbsent(d.attributeKey(), k -> new HashMap<>()).put(d.attributeModel(), d.attributeDisplayType());
        }
        return types;
    }
}
