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
        return conversations.findById(conversationId).map(c -> snapshot(c, changes, messageId));
    }

    public Snapshot snapshot(ConversationView c, Map<String, List<Object>> changes, Long messageId) {
        ContactView contact = contacts.find(c.accountId(), c.contactId()).orElse(null);
        List<MessageView> messages = messageId != null
                ? conversations.message(c.id(), messageId).map(List::of).orElse(List.of())
                : conversations.recentMessages(c.id(), MESSAGES_IN_SCOPE);
        return new Snapshot(c.status().apiName(), c.priority() == null ? null : c.priority().apiName(), c.assigneeId(), c.teamId(),
                c.inboxId(), new LinkedHashSet<>(c.labels()), c.additionalAttributes(), c.customAttributes(),
                contact == null ? null : contact.email(), contact == null ? null : contact.phoneNumber(),
                contact == null ? Map.of() : contact.additionalAttributes(), contact == null ? Map.of() : contact.customAttributes(),
                messages.stream().map(m -> new MessageFacts(m.messageType().apiName(), m.content(), m.isPrivate())).toList(),
                changes == null ? Map.of() : changes, customTypes(c.accountId()), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
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
