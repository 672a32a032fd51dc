package dev.parley.conversation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.attachment.AttachmentJson;
import dev.parley.attachment.Upload;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import dev.parley.contact.ContactInboxView;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.contact.PublicContact;
import dev.parley.contact.PublicIdentity;
import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageInput;
import dev.parley.conversation.MessageView;
import dev.parley.conversation.NewConversation;
import dev.parley.inbox.InboxView;
import dev.parley.shared.Actor;
import dev.parley.shared.ResourceNotFound;
import dev.parley.shared.Timestamps;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chatwoot's public client API for conversations and messages of a contact in an API inbox. The
 * customer sees only public messages: private notes and activity lines never reach this API.
 */
@RestController
@RequestMapping("/public/api/v1/inboxes/{inboxIdentifier}/contacts/{sourceId}/conversations")
class PublicConversationsController {

    private final PublicIdentity identity;
    private final ContactQueries contacts;
    private final ConversationQueries queries;
    private final ConversationManagement management;
    private final ConversationPresenter presenter;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    PublicConversationsController(PublicIdentity identity, ContactQueries contacts, ConversationQueries queries,
                                  ConversationManagement management, ConversationPresenter presenter,
                                  org.springframework.transaction.support.TransactionTemplate transaction) {
        this.transaction = transaction;
        this.identity = identity;
        this.contacts = contacts;
        this.queries = queries;
        this.management = management;
        this.presenter = presenter;
    }

    record PublicConversationRequest(Map<String, Object> customAttributes) {
    }

    record PublicMessageRequest(String content, String echoId) {
    }

    @GetMapping
    List<PublicConversationJson> index(@PathVariable String inboxIdentifier, @PathVariable String sourceId) {
        ContactInboxView ci = identity.contactInbox(inboxIdentifier, sourceId);
        return queries.ofContactInbox(ci.id()).stream().map(c -> conversation(c, ci)).toList();
    }

    @PostMapping
    @Transactional
    PublicConversationJson create(@PathVariable String inboxIdentifier, @PathVariable String sourceId,
                               @RequestBody(required = false) PublicConversationRequest body) {
        InboxView inbox = identity.inbox(inboxIdentifier);
        ContactInboxView ci = identity.contactInbox(inboxIdentifier, sourceId);
        if (inbox.lockToSingleConversation()) {
            var latest = queries.latestOfContactInbox(ci.id());
            if (latest.isPresent()) return conversation(latest.get(), ci);
        }
        ContactView contact = contacts.get(inbox.accountId(), ci.contactId());
        ConversationView created = management.create(new NewConversation(inbox.accountId(), inbox.id(), contact.id(), ci.id(), null,
                null, null, null, body == null ? null : body.customAttributes()), Actor.contact(contact.id(), contact.name()));
        return conversation(created, ci);
    }

    @GetMapping("/{displayId}")
    PublicConversationJson show(@PathVariable String inboxIdentifier, @PathVariable String sourceId, @PathVariable long displayId) {
        ContactInboxView ci = identity.contactInbox(inboxIdentifier, sourceId);
        return conversation(owned(inboxIdentifier, ci, displayId), ci);
    }

    @PostMapping("/{displayId}/toggle_status")
    PublicConversationJson resolve(@PathVariable String inboxIdentifier, @PathVariable String sourceId, @PathVariable long displayId) {
        ContactInboxView ci = identity.contactInbox(inboxIdentifier, sourceId);
        ConversationView c = owned(inboxIdentifier, ci, displayId);
        ContactView contact = contacts.get(c.accountId(), ci.contactId());
        ConversationView resolved = management.changeStatus(c.accountId(), displayId, ConversationStatus.RESOLVED, null,
                Actor.contact(contact.id(), contact.name()), false);
        return conversation(resolved, ci);
    }

    @PostMapping("/{displayId}/toggle_typing")
    Map<String, Object> typing(@PathVariable String inboxIdentifier, @PathVariable String sourceId, @PathVariable long displayId,
                               @RequestBody(required = false) Map<String, Object> body) {
        var ci = identity.contactInbox(inboxIdentifier, sourceId);
        ConversationView c = owned(inboxIdentifier, ci, displayId);
        String status = body == null || body.get("typing_status") == null ? "" : body.get("typing_status").toString();
        new dev.parley.shared.Errors().oneOf("typing_status", status, List.of("on", "off")).throwIfAny();
        ContactView contact = contacts.get(c.accountId(), ci.contactId());
        management.typing(c.accountId(), displayId, "on".equals(status), false, Actor.contact(contact.id(), contact.name()));
        return Map.of();
    }

    @PostMapping("/{displayId}/update_last_seen")
    Map<String, Object> lastSeen(@PathVariable String inboxIdentifier, @PathVariable String sourceId, @PathVariable long displayId) {
        ConversationView c = owned(inboxIdentifier, identity.contactInbox(inboxIdentifier, sourceId), displayId);
        management.markSeenByContact(c.accountId(), displayId);
        return Map.of();
    }

    @GetMapping("/{displayId}/messages")
    List<PublicMessageJson> messages(@PathVariable String inboxIdentifier, @PathVariable String sourceId,
                                       @PathVariable long displayId) {
        ConversationView c = owned(inboxIdentifier, identity.contactInbox(inboxIdentifier, sourceId), displayId);
        return messages(queries.allPublicMessages(c.id()), c);
    }

    /** JSON, a form, or the widget's multipart form: content and echo_id in the body, the files as {@code attachments[]}. */
    @PostMapping("/{displayId}/messages")
    PublicMessageJson postMessage(@PathVariable String inboxIdentifier, @PathVariable String sourceId,
                                    @PathVariable long displayId, @RequestBody PublicMessageRequest body,
                                    @RequestParam(name = "attachments[]", required = false) List<MultipartFile> files) {
        // the reads and the write in one transaction: one commit a message, not one per read (the conversation's row
        // lock is still taken last, by the write, and held only until this commits)
        return transaction.execute(tx -> post(inboxIdentifier, sourceId, displayId, body, files));
    }

    private PublicMessageJson post(String inboxIdentifier, String sourceId, long displayId, PublicMessageRequest body,
                                     List<MultipartFile> files) {
        // the public hot path: the inbox from this node's memory, the contact inbox with its contact in one read, the
        // conversation locked and checked to be the contact's in one read; a message sent without files has no
        // attachments to look up
        InboxView inbox = identity.inbox(inboxIdentifier);
        PublicContact addressed = identity.publicContact(inbox, sourceId);
        ContactInboxView ci = addressed.contactInbox();
        ContactView contact = addressed.contact();
        List<Upload> uploads = files == null ? List.of() : files.stream().map(Upload::of).toList();
        MessageView m = management.postFromContact(inbox.accountId(), displayId, ci.id(),
                new MessageInput(body.content(), "incoming", false, null, null, body.echoId(), null), uploads, contact);
        return message(m, displayId, uploads.isEmpty() ? List.of() : presenter.attachments(List.of(m)).getOrDefault(m.id(), List.of()), contact);
    }

    private List<PublicMessageJson> messages(List<MessageView> page, ConversationView c) {
        var files = presenter.attachments(page);
        return page.stream().map(m -> message(m, c, files.getOrDefault(m.id(), List.of()))).toList();
    }

    /** Chatwoot's body is {message: {submitted_values: [...]}}; a bare {submitted_values: [...]} is taken too. */
    record PublicMessageUpdate(Map<String, Object> message, List<Object> submittedValues) {
        @SuppressWarnings("unchecked")
        List<Object> values() {
            if (message != null && message.get("submitted_values") instanceof List<?> list) return (List<Object>) list;
            return submittedValues;
        }
    }

    @org.springframework.web.bind.annotation.PatchMapping("/{displayId}/messages/{messageId}")
    PublicMessageJson updateMessage(@PathVariable String inboxIdentifier, @PathVariable String sourceId, @PathVariable long displayId,
                                      @PathVariable long messageId, @RequestBody PublicMessageUpdate body) {
        ContactInboxView ci = identity.contactInbox(inboxIdentifier, sourceId);
        ConversationView c = owned(inboxIdentifier, ci, displayId);
        queries.allPublicMessages(c.id()).stream().filter(m -> m.id() == messageId).findFirst()
                .orElseThrow(() -> new ResourceNotFound("Message"));
        ContactView contact = contacts.get(c.accountId(), ci.contactId());
        MessageView m = management.submitValues(c.accountId(), displayId, messageId, body.values(),
                Actor.contact(contact.id(), contact.name()));
        return message(m, c, presenter.attachments(List.of(m)).getOrDefault(m.id(), List.of()));
    }

    private ConversationView owned(String inboxIdentifier, ContactInboxView ci, long displayId) {
        return owned(identity.inbox(inboxIdentifier), ci, displayId);
    }

    private ConversationView owned(InboxView inbox, ContactInboxView ci, long displayId) {
        return queries.find(inbox.accountId(), displayId)
                .filter(c -> c.contactInboxId() != null && c.contactInboxId() == ci.id())
                .orElseThrow(() -> new ResourceNotFound("Conversation"));
    }

    /** Chatwoot's public conversation partial. */
    record PublicConversationJson(long id, java.util.UUID uuid, long inboxId, Long contactLastSeenAt, String status, Long agentLastSeenAt,
                                  List<PublicMessageJson> messages, PublicContactBrief contact) {
    }

    /** The conversation's contact as the public conversation partial shows it (empty strings, not nulls). */
    record PublicContactBrief(long id, String name, String email, String phoneNumber) {
    }

    /** Chatwoot's public message partial: {@code attachments} only when the message has files. */
    record PublicMessageJson(long id, String content, int messageType, String contentType, Map<String, Object> contentAttributes,
                             Long createdAt, long conversationId, String echoId,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AttachmentJson> attachments, Object sender) {
    }

    private PublicConversationJson conversation(ConversationView c, ContactInboxView ci) {
        ContactView contact = contacts.get(c.accountId(), ci.contactId());
        return new PublicConversationJson(c.displayId(), c.uuid(), c.inboxId(), Timestamps.unix(c.contactLastSeenAt()), c.status().apiName(),
                Timestamps.unix(c.agentLastSeenAt()), messages(queries.allPublicMessages(c.id()), c),
                new PublicContactBrief(contact.id(), contact.name(), contact.email() == null ? "" : contact.email(),
                        contact.phoneNumber() == null ? "" : contact.phoneNumber()));
    }

    private PublicMessageJson message(MessageView m, ConversationView c, List<AttachmentJson> files) {
        return message(m, c.displayId(), files, null);
    }

    /** With the sender already in hand (the public POST path), it is not read again. */
    private PublicMessageJson message(MessageView m, long displayId, List<AttachmentJson> files, ContactView sender) {
        return new PublicMessageJson(m.id(), m.content(), m.messageType().code(), m.contentType(), m.contentAttributes(),
                Timestamps.unix(m.createdAt()), displayId, m.echoId(), files, sender == null ? presenter.sender(m) : presenter.sender(m, sender));
    }
}
