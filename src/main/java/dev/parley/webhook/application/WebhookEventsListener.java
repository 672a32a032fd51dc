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
import dev.parley.webhook.ConversationWebhookJson;
import dev.parley.webhook.WebhookBody;
import dev.parley.webhook.WebhookDeliveries;
import dev.parley.webhook.WebhookPayloads;
import dev.parley.webhook.WebhookView;
import dev.parley.webhook.persistence.WebhookRepository;
import java.util.ArrayList;
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
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

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
        conversations.findById(e.conversationId())
                .ifPresent(c -> fanOut(targets, c, WebhookBody.of(payloads.conversation(c), "conversation_created"), e.eventId()));
    }

    @Reacts
    void on(ConversationUpdated e) {
        List<Target> targets = targets(e.accountId(), e.inboxId(), "conversation_updated");
        if (targets.isEmpty()) return;
        conversations.findById(e.conversationId()).ifPresent(c -> fanOut(targets, c,
                new WebhookBody(payloads.conversation(c), WebhookBody.changes(e.changedAttributes()), "conversation_updated"), e.eventId()));
    }

    @Reacts
    void on(ConversationStatusChanged e) {
        List<Target> targets = targets(e.accountId(), e.inboxId(), "conversation_status_changed");
        if (targets.isEmpty()) return;
        var changed = List.of(Map.of("status", new WebhookBody.Change(e.from().apiName(), e.to().apiName())));
        conversations.findById(e.conversationId()).ifPresent(c -> fanOut(targets, c,
                new WebhookBody(payloads.conversation(c), changed, "conversation_status_changed"), e.eventId()));
    }

    @Reacts
    void on(MessageCreated e) {
        if (e.messageType() == MessageType.ACTIVITY) return; // Chatwoot does not send activity lines
        List<Target> targets = targets(e.accountId(), e.inboxId(), "message_created");
        if (targets.isEmpty()) return; // nobody listens: nothing read, nothing built
        conversations.findById(e.conversationId()).ifPresent(c -> conversations.message(c.id(), e.messageId())
                .ifPresent(m -> fanOut(targets, c, WebhookBody.of(payloads.message(m, c), "message_created"), e.eventId())));
    }

    @Reacts
    void on(MessageUpdated e) {
        List<Target> targets = targets(e.accountId(), e.inboxId(), "message_updated");
        if (targets.isEmpty()) return;
        conversations.findById(e.conversationId()).ifPresent(c -> conversations.message(c.id(), e.messageId())
                .filter(m -> m.messageType() != MessageType.ACTIVITY)
                .ifPresent(m -> fanOut(targets, c, WebhookBody.of(payloads.message(m, c), "message_updated"), e.eventId())));
    }

    /** Chatwoot's inbox webhooks (account webhooks only): the inbox's id and name, and for updates what changed. */
    @Reacts
    void on(InboxCreated e) {
        inboxes.find(e.accountId(), e.inboxId()).ifPresent(i -> accountOnly(e.accountId(), WebhookBody.of(inbox(i), "inbox_created"), e.eventId()));
    }

    @Reacts
    void on(InboxUpdated e) {
        inboxes.find(e.accountId(), e.inboxId()).ifPresent(i -> accountOnly(e.accountId(),
                new WebhookBody(inbox(i), WebhookBody.changes(e.changes()), "inbox_updated"), e.eventId()));
    }

    /** The inbox of inbox events: its id, name and channel type. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record InboxEventJson(long id, String name, String channelType) {
    }

    private static InboxEventJson inbox(InboxView i) {
        return new InboxEventJson(i.id(), i.name(), i.channelType());
    }

    /** Chatwoot's typing webhooks: {event, user, conversation, is_private}; "user" is the agent or the contact who types. */
    @Reacts
    void on(ConversationTypingChanged e) {
        List<Target> targets = targets(e.accountId(), e.inboxId(), e.typing() ? "conversation_typing_on" : "conversation_typing_off");
        if (targets.isEmpty()) return;
        conversations.findById(e.conversationId()).ifPresent(c -> fanOut(targets, c,
                WebhookBody.of(new TypingJson(typist(e), payloads.conversation(c), e.isPrivate()),
                        e.typing() ? "conversation_typing_on" : "conversation_typing_off"), e.eventId()));
    }

    /** Chatwoot's typing payload: who types (a contact in brief, or an agent), the conversation, and whether it is a note. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TypingJson(Object user, ConversationWebhookJson conversation, boolean isPrivate) {
    }

    /** An agent who types: id, name and type, as the typing event names them. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TypingAgentJson(long id, String name, String type) {
    }

    private Object typist(ConversationTypingChanged e) {
        if (e.causedBy().kind() == Actor.Kind.CONTACT) {
            return contacts.find(e.accountId(), e.causedBy().id()).<Object>map(payloads::contact)
                    .orElseGet(() -> new TypingAgentJson(e.causedBy().id(), null, "contact"));
        }
        return new TypingAgentJson(e.causedBy().id(), e.causedBy().name(), "user");
    }

    @Reacts
    void on(ContactCreated e) {
        contacts.find(e.accountId(), e.contactId())
                .ifPresent(contact -> accountOnly(e.accountId(), WebhookBody.of(payloads.contact(contact), "contact_created"), e.eventId()));
    }

    @Reacts
    void on(ContactUpdated e) {
        contacts.find(e.accountId(), e.contactId()).ifPresent(contact -> accountOnly(e.accountId(),
                new WebhookBody(payloads.contact(contact), WebhookBody.changes(e.changes()), "contact_updated"), e.eventId()));
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

    private void fanOut(List<Target> targets, ConversationView c, WebhookBody body, UUID eventId) {
        for (Target t : targets) deliveries.enqueue(c.accountId(), t.webhookId(), t.url(), t.secret(), body.event(), body, eventId);
    }

    private void accountOnly(long accountId, WebhookBody body, UUID eventId) {
        for (WebhookView w : webhooks.subscribed(accountId, body.event(), null)) {
            if (w.inboxId() == null) deliveries.enqueue(accountId, w.id(), w.url(), w.secret(), body.event(), body, eventId);
        }
    }
}
