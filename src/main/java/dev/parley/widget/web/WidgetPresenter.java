package dev.parley.widget.web;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentJson;
import dev.parley.account.AgentView;
import dev.parley.attachment.AttachmentJson;
import dev.parley.attachment.Attachments;
import dev.parley.contact.ContactQueries;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageView;
import dev.parley.shared.Timestamps;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Renders conversations and messages as Chatwoot's widget views do (only what a visitor may see). */
@Component
public class WidgetPresenter {

    private final ConversationQueries conversations;
    private final Attachments attachments;
    private final AccountQueries accounts;
    private final ContactQueries contacts;

    WidgetPresenter(ConversationQueries conversations, Attachments attachments, AccountQueries accounts, ContactQueries contacts) {
        this.conversations = conversations;
        this.attachments = attachments;
        this.accounts = accounts;
        this.contacts = contacts;
    }

    public List<WidgetMessageJson> messages(List<MessageView> page, ConversationView c) {
        Map<Long, List<AttachmentJson>> files = attachments.ofMessages(page.stream().map(MessageView::id).toList());
        return page.stream().map(m -> message(m, c, files.get(m.id()))).toList();
    }

    public WidgetMessageJson message(MessageView m, ConversationView c) {
        return message(m, c, attachments.ofMessage(m.id()));
    }

    private WidgetMessageJson message(MessageView m, ConversationView c, List<AttachmentJson> files) {
        return new WidgetMessageJson(m.id(), m.content(), m.messageType().code(), m.contentType(), m.contentAttributes(),
                Timestamps.unix(m.createdAt()), c.displayId(), m.echoId(), files == null || files.isEmpty() ? null : files, sender(m));
    }

    private WidgetMessageJson.Sender sender(MessageView m) {
        if (m.senderId() == null) return null;
        if ("User".equals(m.senderType())) {
            return accounts.agent(m.accountId(), m.senderId()).map(WidgetPresenter::agent).orElse(null);
        }
        return contacts.find(m.accountId(), m.senderId())
                .map(c -> new WidgetMessageJson.Sender(c.id(), c.name(), null, "", "", "contact", null)).orElse(null);
    }

    static WidgetMessageJson.Sender agent(AgentView a) {
        return new WidgetMessageJson.Sender(a.id(), a.name(), a.availableName(), "", "", "user", a.availability().apiName());
    }

    /** {@code conversations/create}: the conversation with its assignee and its messages. */
    public WidgetConversationJson conversation(ConversationView c) {
        AgentJson assignee = c.assigneeId() == null ? null : accounts.agent(c.accountId(), c.assigneeId()).map(AgentJson::of).orElse(null);
        return new WidgetConversationJson(c.displayId(), c.inboxId(), Timestamps.unix(c.contactLastSeenAt()),
                Timestamps.unix(c.agentLastSeenAt()), c.status().apiName(), new WidgetConversationJson.Meta(assignee),
                messages(conversations.allPublicMessages(c.id()), c), false, Timestamps.unix(c.lastActivityAt()));
    }

    /** {@code conversations/index}: the visitor's current conversation, or an empty object. */
    public Object summary(ConversationView c) {
        if (c == null) return Map.of();
        return new WidgetConversationJson.Summary(c.displayId(), c.inboxId(), c.status().apiName(), Timestamps.unix(c.contactLastSeenAt()),
                Timestamps.unix(c.agentLastSeenAt()));
    }
}
