package dev.parley.conversation;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentPushJson;
import dev.parley.account.AgentView;
import dev.parley.attachment.AttachmentJson;
import dev.parley.attachment.Attachments;
import dev.parley.contact.ContactInboxView;
import dev.parley.contact.ContactPushJson;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.shared.Timestamps;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Builds Chatwoot's message push data ({@link MessageJson}): the API's message and the last message of a conversation's
 * webhook payload, with its sender's push data, its attachments and the conversation block.
 */
@Component
public class MessagePushData {

    private final ConversationQueries conversations;
    private final ContactQueries contacts;
    private final AccountQueries accounts;
    private final Attachments attachments;

    MessagePushData(ConversationQueries conversations, ContactQueries contacts, AccountQueries accounts, Attachments attachments) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.accounts = accounts;
        this.attachments = attachments;
    }

    /** One message, its attachments and conversation block read for it. */
    public MessageJson of(MessageView m, ConversationView c) {
        return of(m, c, attachments.ofMessage(m.id()), block(c), sender(m));
    }

    /** A page of messages of one conversation: their attachments in one query, the conversation block read once. */
    public List<MessageJson> of(List<MessageView> page, ConversationView c) {
        Map<Long, List<AttachmentJson>> files = attachments.ofMessages(page.stream().map(MessageView::id).toList());
        MessageJson.Conversation block = block(c);
        return page.stream().map(m -> of(m, c, files.getOrDefault(m.id(), List.of()), block, sender(m))).toList();
    }

    /** A message from parts the caller has already read (a page of conversations reads them for the whole page). */
    public static MessageJson of(MessageView m, ConversationView c, List<AttachmentJson> files, MessageJson.Conversation block, Object sender) {
        return new MessageJson(m.id(), m.content(), m.inboxId(), c.displayId(), m.messageType().code(), m.contentType(), m.status(),
                m.contentAttributes(), Timestamps.unix(m.createdAt()), m.accountId(), Timestamps.iso(m.updatedAt()), block, m.isPrivate(),
                m.sourceId(), m.echoId(), sender, m.senderType(), m.senderId(), files);
    }

    /** Chatwoot's conversation block of a message: assignee, unread count, last activity and the contact inbox's source id. */
    public MessageJson.Conversation block(ConversationView c) {
        int unread = conversations.unreadCounts(List.of(c)).getOrDefault(c.id(), 0);
        String source = c.contactInboxId() == null ? null
                : contacts.contactInbox(c.contactInboxId()).map(ContactInboxView::sourceId).orElse(null);
        return block(c, unread, source);
    }

    public static MessageJson.Conversation block(ConversationView c, int unread, String sourceId) {
        return new MessageJson.Conversation(c.assigneeId(), unread, Timestamps.unix(c.lastActivityAt()),
                Collections.singletonMap("source_id", sourceId)); // a source id may be null
    }

    /** A message's sender as Chatwoot's push data shows it: {@code AgentPushJson} or {@code ContactPushJson}; null without one. */
    public Object sender(MessageView m) {
        return sender(m, id -> accounts.agent(m.accountId(), id).orElse(null), id -> contacts.find(m.accountId(), id).orElse(null));
    }

    /** The same, with the contact the caller has already read (a customer's own message: no second read). */
    public Object sender(MessageView m, ContactView known) {
        return sender(m, id -> accounts.agent(m.accountId(), id).orElse(null),
                id -> known != null && known.id() == id ? known : contacts.find(m.accountId(), id).orElse(null));
    }

    public static Object sender(MessageView m, Function<Long, AgentView> agent, Function<Long, ContactView> contact) {
        if (m.senderId() == null) return null;
        if ("User".equals(m.senderType())) {
            AgentView a = agent.apply(m.senderId());
            return a == null ? AgentPushJson.unknown(m.senderId()) : AgentPushJson.of(a);
        }
        ContactView c = contact.apply(m.senderId());
        return c == null ? ContactPushJson.unknown(m.senderId()) : ContactPushJson.of(c);
    }
}
