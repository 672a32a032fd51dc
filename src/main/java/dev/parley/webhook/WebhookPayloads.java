package dev.parley.webhook;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.account.Teams;
import dev.parley.attachment.Attachments;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageView;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.shared.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Chatwoot's webhook payloads (its §8.3): conversation, message and contact, as plain JSON maps. */
@Component
public class WebhookPayloads {

    private final ConversationQueries conversations;
    private final ContactQueries contacts;
    private final AccountQueries accounts;
    private final InboxQueries inboxes;
    private final Teams teams;
    private final Attachments attachments;

    WebhookPayloads(ConversationQueries conversations, ContactQueries contacts, AccountQueries accounts, InboxQueries inboxes, Teams teams,
                    Attachments attachments) {
        this.attachments = attachments;
        this.conversations = conversations;
        this.contacts = contacts;
        this.accounts = accounts;
        this.inboxes = inboxes;
        this.teams = teams;
    }

    public Map<String, Object> conversation(ConversationView c) {
        var json = new LinkedHashMap<String, Object>();
        json.put("additional_attributes", c.additionalAttributes());
        json.put("can_reply", true);
        json.put("channel", inboxes.find(c.accountId(), c.inboxId()).map(InboxView::channelType).orElse(null));
        json.put("id", c.displayId());
        json.put("inbox_id", c.inboxId());
        json.put("messages", conversations.lastMessage(c.id(), true).map(m -> List.of(message(m, c, false))).orElse(List.of()));
        json.put("labels", c.labels());
        var meta = new LinkedHashMap<String, Object>();
        meta.put("sender", contacts.find(c.accountId(), c.contactId()).map(this::contact).orElse(null));
        meta.put("assignee", c.assigneeId() == null ? null : accounts.agent(c.accountId(), c.assigneeId()).map(WebhookPayloads::user).orElse(null));
        meta.put("assignee_type", c.assigneeId() == null ? null : "User");
        meta.put("team", c.teamId() == null ? null : teams.find(c.accountId(), c.teamId()).map(t -> Map.of("id", t.id(), "name", t.name())).orElse(null));
        meta.put("hmac_verified", false);
        json.put("meta", meta);
        json.put("status", c.status().apiName());
        json.put("custom_attributes", c.customAttributes());
        json.put("snoozed_until", Timestamps.unix(c.snoozedUntil()));
        json.put("unread_count", 0);
        json.put("first_reply_created_at", Timestamps.unix(c.firstReplyCreatedAt()));
        json.put("priority", c.priority() == null ? null : c.priority().apiName());
        json.put("waiting_since", Timestamps.unix(c.waitingSince()));
        json.put("agent_last_seen_at", Timestamps.unix(c.agentLastSeenAt()));
        json.put("contact_last_seen_at", Timestamps.unix(c.contactLastSeenAt()));
        json.put("last_activity_at", Timestamps.unix(c.lastActivityAt()));
        json.put("timestamp", Timestamps.unix(c.lastActivityAt()));
        json.put("created_at", Timestamps.unix(c.createdAt()));
        json.put("updated_at", c.updatedAt() == null ? null : c.updatedAt().toEpochMilli() / 1000.0);
        return json;
    }

    public Map<String, Object> message(MessageView m, ConversationView c, boolean withConversation) {
        var json = new LinkedHashMap<String, Object>();
        json.put("account", Map.of("id", c.accountId(), "name", accounts.account(c.accountId()).name()));
        json.put("additional_attributes", Map.of());
        var files = attachments.ofMessage(m.id());
        if (!files.isEmpty()) json.put("attachments", files);
        json.put("content_attributes", m.contentAttributes());
        json.put("content_type", m.contentType());
        json.put("content", m.content());
        if (withConversation) json.put("conversation", conversation(c));
        json.put("created_at", Timestamps.unix(m.createdAt()));
        json.put("id", m.id());
        json.put("inbox", inboxes.find(c.accountId(), c.inboxId()).map(i -> Map.of("id", i.id(), "name", i.name())).orElse(null));
        json.put("message_type", m.messageType().apiName());
        json.put("private", m.isPrivate());
        json.put("sender", sender(m));
        json.put("source_id", m.sourceId());
        return json;
    }

    public Map<String, Object> contact(ContactView c) {
        var json = new LinkedHashMap<String, Object>();
        json.put("additional_attributes", c.additionalAttributes());
        json.put("custom_attributes", c.customAttributes());
        json.put("email", c.email());
        json.put("id", c.id());
        json.put("identifier", c.identifier());
        json.put("name", c.name());
        json.put("phone_number", c.phoneNumber());
        json.put("thumbnail", "");
        json.put("blocked", c.blocked());
        json.put("type", "contact");
        return json;
    }

    private Object sender(MessageView m) {
        if (m.senderId() == null) return null;
        if ("User".equals(m.senderType())) return accounts.agent(m.accountId(), m.senderId()).map(WebhookPayloads::user).orElse(null);
        return contacts.find(m.accountId(), m.senderId()).map(this::contact).orElse(null);
    }

    private static Map<String, Object> user(AgentView a) {
        return Map.of("id", a.id(), "name", a.availableName(), "email", a.email(), "type", "user");
    }
}
