package dev.parley.webhook.application;

import dev.parley.contact.ContactCreated;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactUpdated;
import dev.parley.conversation.ConversationCreated;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatusChanged;
import dev.parley.conversation.ConversationUpdated;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageCreated;
import dev.parley.conversation.MessageType;
import dev.parley.inbox.InboxQueries;
import dev.parley.webhook.WebhookDeliveries;
import dev.parley.webhook.WebhookPayloads;
import dev.parley.webhook.WebhookView;
import dev.parley.webhook.persistence.WebhookRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import dev.parley.conversation.ConversationTypingChanged;
import dev.parley.conversation.MessageUpdated;
import dev.parley.inbox.InboxCreated;
import dev.parley.inbox.InboxUpdated;
import dev.parley.inbox.InboxView;
import dev.parley.shared.Actor;
import dev.parley.shared.reactors.Reactor;
import dev.parley.shared.PerTransaction;
import dev.parley.shared.reactors.Reacts;
import org.springframework.stereotype.Component;

/**
 * Queues a delivery for every subscribed webhook (and, for conversation and message events, the API
 * inbox's webhook_url) when something happens. Queuing is idempotent per event and URL.
 */
@Component
@Reactor("webhooks")
class WebhookEventsListener {

    private final WebhookRepository webhooks;
    private final WebhookDeliveries deliveries;
    private final WebhookPayloads payloads;
    private final ConversationQueries conversations;
    private final ContactQueries contacts;
    private final InboxQueries inboxes;
    private final PerTransaction<TargetsOf, List<Target>> targetsInBatch = new PerTransaction<>();

    WebhookEventsListener(WebhookRepository webhooks, WebhookDeliveries deliveries, WebhookPayloads payloads, ConversationQueries conversations,
                          ContactQueries contacts, InboxQueries inboxes) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.payloads = payloads;
        this.conversations = conversations;
        this.contacts = contacts;
        this.inboxes = inboxes;
    }

    @Reacts
    void on(ConversationCreated e) {
        List<Target> targets = targets(e.accountId(), e.inboxId(), "conversation_created");
        if (targets.isEmpty()) return;
        conversations.findById(e.conversationId()).ifPresent(c -> fanOut(targets, c, "conversation_created", payloads.conversation(c), e.eventId()));
    }

    @Reacts
    void on(ConversationUpdated e) {
        List<Target> targets = targets(e.accountId(), e.inboxId(), "conversation_updated");
        if (targets.isEmpty()) return;
        conversations.findById(e.conversationId()).ifPresent(c -> {
            Map<String, Object> payload = payloads.conversation(c);
            List<Map<String, Object>> changed = new ArrayList<>();
            e.changedAttributes().forEach((key, change) -> {
                var values = new LinkedHashMap<String, Object>();
                values.put("previous_value", change.get(0));
                values.put("current_value", change.get(1));
                changed.add(Map.of(key, values));
            });
            payload.put("changed_attributes", changed);
            fanOut(targets, c, "conversation_updated", payload, e.eventId());
        });
    }

    @Reacts
    void on(ConversationStatusChanged e) {
        List<Target> targets = targets(e.accountId(), e.inboxId(), "conversation_status_changed");
        if (targets.isEmpty()) return;
        conversations.findById(e.conversationId()).ifPresent(c -> {
            Map<String, Object> payload = payloads.conversation(c);
            payload.put("changed_attributes", List.of(Map.of("status", Map.of("previous_value", e.from().apiName(), "current_value", e.to().apiName()))));
            fanOut(targets, c, "conversation_status_changed", payload, e.eventId());
        });
    }

    @Reacts
    void on(MessageCreated e) {
        if (e.messageType() == MessageType.ACTIVITY) return; // Chatwoot does not send activity lines
        List<Target> targets = targets(e.accountId(), e.inboxId(), "message_created");
        if (targets.isEmpty()) return; // nobody listens: nothing read, nothing built
        conversations.findById(e.conversationId()).ifPresent(c -> conversations.message(c.id(), e.messageId())
                .ifPresent(m -> fanOut(targets, c, "message_created", payloads.message(m, c, true), e.eventId())));
    }

    @Reacts
    void on(MessageUpdated e) {
        List<Target> targets = targets(e.accountId(), e.inboxId(), "message_updated");
        if (targets.isEmpty()) return;
        conversations.findById(e.conversationId()).ifPresent(c -> conversations.message(c.id(), e.messageId())
                .filter(m -> m.messageType() != MessageType.ACTIVITY)
                .ifPresent(m -> fanOut(targets, c, "message_updated", payloads.message(m, c, true), e.eventId())));
    }

    /** Chatwoot's inbox webhooks (account webhooks only): the inbox's id and name, and for updates what changed. */
    @Reacts
    void on(InboxCreated e) {
        inboxes.find(e.accountId(), e.inboxId()).ifPresent(i -> accountOnly(e.accountId(), "inbox_created", inbox(i), e.eventId()));
    }

    @Reacts
    void on(InboxUpdated e) {
        inboxes.find(e.accountId(), e.inboxId()).ifPresent(i -> {
            Map<String, Object> payload = inbox(i);
            List<Map<String, Object>> changed = new ArrayList<>();
            e.changes().forEach((key, change) -> changed.add(Map.of(key, mapOf(change))));
            payload.put("changed_attributes", changed);
            accountOnly(e.accountId(), "inbox_updated", payload, e.eventId());
        });
    }

    private static Map<String, Object> inbox(InboxView i) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("id", i.id());
        payload.put("name", i.name());
        payload.put("channel_type", i.channelType());
        return payload;
    }

    /** Chatwoot's typing webhooks: {event, user, conversation, is_private}; "user" is the agent or the contact who types. */
    @Reacts
    void on(ConversationTypingChanged e) {
        List<Target> targets = targets(e.accountId(), e.inboxId(), e.typing() ? "conversation_typing_on" : "conversation_typing_off");
        if (targets.isEmpty()) return;
        conversations.findById(e.conversationId()).ifPresent(c -> {
            var payload = new LinkedHashMap<String, Object>();
            payload.put("user", typist(e));
            payload.put("conversation", payloads.conversation(c));
            payload.put("is_private", e.isPrivate());
            fanOut(targets, c, e.typing() ? "conversation_typing_on" : "conversation_typing_off", payload, e.eventId());
        });
    }

    private Map<String, Object> typist(ConversationTypingChanged e) {
        if (e.causedBy().kind() == Actor.Kind.CONTACT) {
            var contact = contacts.find(e.accountId(), e.causedBy().id()).map(payloads::contact).orElseGet(LinkedHashMap::new);
            contact.put("type", "contact");
            return contact;
        }
        var user = new LinkedHashMap<String, Object>();
        user.put("id", e.causedBy().id());
        user.put("name", e.causedBy().name());
        user.put("type", "user");
        return user;
    }

    @Reacts
    void on(ContactCreated e) {
        contacts.find(e.accountId(), e.contactId()).ifPresent(contact -> {
            Map<String, Object> payload = payloads.contact(contact);
            accountOnly(e.accountId(), "contact_created", payload, e.eventId());
        });
    }

    @Reacts
    void on(ContactUpdated e) {
        contacts.find(e.accountId(), e.contactId()).ifPresent(contact -> {
            Map<String, Object> payload = payloads.contact(contact);
            List<Map<String, Object>> changed = new ArrayList<>();
            e.changes().forEach((key, change) -> changed.add(Map.of(key, mapOf(change))));
            payload.put("changed_attributes", changed);
            accountOnly(e.accountId(), "contact_updated", payload, e.eventId());
        });
    }

    /** Where a conversation or message event of an inbox goes: the subscribed webhooks and the API inbox's webhook_url. */
    private record Target(Long webhookId, String url, String secret) {
    }

    /** The webhooks an event of one kind in one inbox goes to: read once per batch (the batch is one transaction). */
    private List<Target> targets(long accountId, long inboxId, String event) {
        return targetsInBatch.get(new TargetsOf(accountId, inboxId, event), k -> readTargets(accountId, inboxId, event));
    }

    private record TargetsOf(long accountId, long inboxId, String event) {
    }

    private List<Target> readTargets(long accountId, long inboxId, String event) {
        List<Target> targets = new ArrayList<>();
        for (WebhookView w : webhooks.subscribed(accountId, event, inboxId)) targets.add(new Target(w.id(), w.url(), w.secret()));
        inboxes.find(accountId, inboxId).filter(i -> i.webhookUrl() != null && !i.webhookUrl().isBlank())
                .ifPresent(i -> targets.add(new Target(null, i.webhookUrl(), i.hmacToken())));
        return List.copyOf(targets);
    }

    private void fanOut(List<Target> targets, ConversationView c, String event, Map<String, Object> payload, UUID eventId) {
        payload.put("event", event);
        for (Target t : targets) deliveries.enqueue(c.accountId(), t.webhookId(), t.url(), t.secret(), event, payload, eventId);
    }

    private void accountOnly(long accountId, String event, Map<String, Object> payload, UUID eventId) {
        payload.put("event", event);
        for (WebhookView w : webhooks.subscribed(accountId, event, null)) {
            if (w.inboxId() == null) deliveries.enqueue(accountId, w.id(), w.url(), w.secret(), event, payload, eventId);
        }
    }

    private static Map<String, Object> mapOf(List<Object> change) {
        var values = new LinkedHashMap<String, Object>();
        values.put("previous_value", change.get(0));
        values.put("current_value", change.get(1));
        return values;
    }
}
