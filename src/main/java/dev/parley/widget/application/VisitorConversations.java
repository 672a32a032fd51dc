package dev.parley.widget.application;

import dev.parley.attachment.Upload;
import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageInput;
import dev.parley.conversation.MessageView;
import dev.parley.conversation.NewConversation;
import dev.parley.shared.ResourceNotFound;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visitor's side of their conversations, through the core's command API with the visitor as actor. The
 * visitor's conversation is always the latest of their own contact inbox (Chatwoot's {@code conversations.last}):
 * nothing here takes a conversation id from the client, so no visitor can reach another's conversation.
 */
@Service
@Transactional
public class VisitorConversations {

    private final ConversationQueries queries;
    private final ConversationManagement management;
    private final VisitorIdentity identity;

    VisitorConversations(ConversationQueries queries, ConversationManagement management, VisitorIdentity identity) {
        this.queries = queries;
        this.management = management;
        this.identity = identity;
    }

    /** What a visitor sends with a message: its text, the widget's echo id, the page it was written on. */
    public record Outgoing(String content, String echoId, String refererUrl, Object timestamp, Long replyTo) {
    }

    @Transactional(readOnly = true)
    public Optional<ConversationView> current(Visitor visitor) {
        return queries.latestOfContactInbox(visitor.contactInbox().id());
    }

    public ConversationView requireCurrent(Visitor visitor) {
        return current(visitor).orElseThrow(() -> new ResourceNotFound("Conversation"));
    }

    /** A new conversation with its first message; the pre-chat form's name, email and phone go to the contact. */
    public ConversationView start(Visitor visitor, VisitorIdentity.Claim contact, Outgoing first, Map<String, Object> customAttributes,
                                  List<Upload> files) {
        Visitor v = contact == null ? visitor : identity.identify(visitor, contact, false).visitor();
        ConversationView c = open(v, first, customAttributes);
        post(v, c, first, files);
        return queries.findById(c.id()).orElseThrow();
    }

    /** A message in the current conversation, which is opened first if the visitor has none (a resolved one reopens). */
    public MessageView write(Visitor visitor, Outgoing message, List<Upload> files) {
        ConversationView c = current(visitor).orElseGet(() -> open(visitor, message, null));
        return post(visitor, c, message, files);
    }

    public void typing(Visitor visitor, boolean on) {
        current(visitor).ifPresent(c -> management.typing(c.accountId(), c.displayId(), on, false, visitor.actor()));
    }

    public void seen(Visitor visitor) {
        current(visitor).ifPresent(c -> management.markSeenByContact(c.accountId(), c.displayId()));
    }

    public ConversationView resolve(Visitor visitor) {
        ConversationView c = requireCurrent(visitor);
        if (c.status() == ConversationStatus.RESOLVED) return c;
        return management.changeStatus(c.accountId(), c.displayId(), ConversationStatus.RESOLVED, null, visitor.actor(), false);
    }

    public ConversationView setCustomAttributes(Visitor visitor, Map<String, Object> attributes) {
        ConversationView c = requireCurrent(visitor);
        return management.mergeCustomAttributes(c.accountId(), c.displayId(), attributes == null ? Map.of() : attributes, visitor.actor());
    }

    public ConversationView removeCustomAttribute(Visitor visitor, List<String> keys) {
        ConversationView c = requireCurrent(visitor);
        var kept = new LinkedHashMap<>(c.customAttributes());
        keys.forEach(kept::remove);
        if (kept.equals(c.customAttributes())) return c;
        return management.replaceCustomAttributes(c.accountId(), c.displayId(), kept, visitor.actor());
    }

    public void addLabel(Visitor visitor, String label) {
        current(visitor).ifPresent(c -> management.addLabels(c.accountId(), c.displayId(), List.of(label), visitor.actor()));
    }

    public void removeLabel(Visitor visitor, String label) {
        current(visitor).ifPresent(c -> management.removeLabels(c.accountId(), c.displayId(), List.of(label), visitor.actor()));
    }

    /** The visitor's answer to a form or options message of their own conversation (Chatwoot's {@code submitted_values}). */
    public MessageView submit(Visitor visitor, long messageId, List<Object> submittedValues) {
        ConversationView c = requireCurrent(visitor);
        queries.message(c.id(), messageId).filter(m -> !m.isPrivate()).orElseThrow(() -> new ResourceNotFound("Message"));
        return management.submitValues(c.accountId(), c.displayId(), messageId, submittedValues, visitor.actor());
    }

    private ConversationView open(Visitor v, Outgoing first, Map<String, Object> customAttributes) {
        var additional = new LinkedHashMap<String, Object>();
        if (first != null && first.refererUrl() != null) additional.put("referer", first.refererUrl());
        if (first != null && first.timestamp() != null) additional.put("initiated_at", Map.of("timestamp", first.timestamp().toString()));
        return management.create(new NewConversation(v.accountId(), v.inbox().id(), v.contact().id(), v.contactInbox().id(), null, null,
                null, additional, customAttributes), v.actor());
    }

    private MessageView post(Visitor v, ConversationView c, Outgoing m, List<Upload> files) {
        Map<String, Object> attributes = m.replyTo() == null ? null : Map.of("in_reply_to", m.replyTo());
        return management.postMessage(c.accountId(), c.displayId(),
                new MessageInput(m.content(), "incoming", false, null, attributes, m.echoId(), null), files == null ? List.of() : files,
                v.actor());
    }
}
