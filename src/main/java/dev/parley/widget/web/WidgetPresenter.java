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
import java.util.LinkedHashMap;
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
    public Map<String, Object> conversation(ConversationView c) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", c.displayId());
        json.put("inbox_id", c.inboxId());
        json.put("contact_last_seen_at", Timestamps.unix(c.contactLastSeenAt()));
        json.put("agent_last_seen_at", Timestamps.unix(c.agentLastSeenAt()));
        json.put("status", c.status().apiName());
        var meta = new LinkedHashMap<String, Object>();
        if (c.assigneeId() != null) accounts.agent(c.accountId(), c.assigneeId()).ifPresent(a -> meta.put("assignee", AgentJson.of(a)));
        json.put("meta", meta);
        json.put("messages", messages(conversations.allPublicMessages(c.id()), c));
        json.put("muted", false);
        json.put("timestamp", Timestamps.unix(c.lastActivityAt()));
        return json;
    }

    /** {@code conversations/index}: the visitor's current conversation, or nothing. */
    public Map<String, Object> summary(ConversationView c) {
        if (c == null) return Map.of();
        var json = new LinkedHashMap<String, Object>();
        json.put("id", c.displayId());
        json.put("inbox_id", c.inboxId());
        json.put("status", c.status().apiName());
        json.put("contact_last_seen_at", Timestamps.unix(c.contactLastSeenAt()));
        json.put("agent_last_seen_at", Timestamps.unix(c.agentLastSeenAt()));
        return json;
    }
}
