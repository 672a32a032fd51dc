package dev.parley.conversation.web;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentJson;
import dev.parley.account.TeamJson;
import dev.parley.account.Teams;
import dev.parley.contact.ContactJson;
import dev.parley.contact.ContactQueries;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageView;
import dev.parley.shared.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Builds the JSON Chatwoot clients expect from views, looking up sender, assignee and team. */
@Component
class ConversationPresenter {

    private final ConversationQueries conversations;
    private final ContactQueries contacts;
    private final AccountQueries accounts;
    private final Teams teams;

    ConversationPresenter(ConversationQueries conversations, ContactQueries contacts, AccountQueries accounts, Teams teams) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.accounts = accounts;
        this.teams = teams;
    }

    ConversationJson conversation(ConversationView c) {
        Object sender = contacts.find(c.accountId(), c.contactId()).map(ContactJson::of).orElse(null);
        Object assignee = c.assigneeId() == null ? null : accounts.agent(c.accountId(), c.assigneeId()).map(AgentJson::of).orElse(null);
        Object team = c.teamId() == null ? null : teams.find(c.accountId(), c.teamId()).map(t -> TeamJson.of(t, false)).orElse(null);
        MessageJson last = conversations.lastMessage(c.id(), false).map(m -> message(m, c)).orElse(null);
        var meta = new ConversationJson.Meta(sender, "Channel::Api", assignee, assignee == null ? null : "User", team, false);
        return new ConversationJson(meta, c.displayId(), last == null ? List.of() : List.of(last), c.accountId(), c.uuid(),
                c.additionalAttributes(), Timestamps.unix(c.agentLastSeenAt()), Timestamps.unix(c.agentLastSeenAt()), true,
                Timestamps.unix(c.contactLastSeenAt()), c.customAttributes(), c.inboxId(), c.labels(), false,
                Timestamps.unix(c.snoozedUntil()), c.status().apiName(), Timestamps.unix(c.createdAt()), Timestamps.unix(c.updatedAt()),
                Timestamps.unix(c.lastActivityAt()), Timestamps.unix(c.firstReplyCreatedAt()), conversations.unreadCount(c), last,
                Timestamps.unix(c.lastActivityAt()), c.priority() == null ? null : c.priority().apiName(),
                Timestamps.unix(c.waitingSince()), null, c.teamId(), c.assigneeId());
    }

    MessageJson message(MessageView m, ConversationView c) {
        return new MessageJson(m.id(), m.content(), m.inboxId(), c.displayId(), m.messageType().code(), m.contentType(), m.status(),
                m.contentAttributes(), Timestamps.unix(m.createdAt()), m.isPrivate(), m.sourceId(), m.echoId(), sender(m),
                m.senderType(), m.senderId(), List.of());
    }

    Map<String, Object> sender(MessageView m) {
        if (m.senderId() == null) return null;
        var json = new LinkedHashMap<String, Object>();
        if ("User".equals(m.senderType())) {
            accounts.agent(m.accountId(), m.senderId()).ifPresentOrElse(a -> {
                json.put("id", a.id());
                json.put("name", a.name());
                json.put("available_name", a.availableName());
                json.put("avatar_url", "");
                json.put("availability_status", a.availability().apiName());
                json.put("thumbnail", "");
                json.put("type", "user");
            }, () -> {
                json.put("id", m.senderId());
                json.put("type", "user");
            });
        } else {
            contacts.find(m.accountId(), m.senderId()).ifPresentOrElse(contact -> {
                json.put("id", contact.id());
                json.put("name", contact.name());
                json.put("email", contact.email());
                json.put("phone_number", contact.phoneNumber());
                json.put("thumbnail", "");
                json.put("type", "contact");
            }, () -> {
                json.put("id", m.senderId());
                json.put("type", "contact");
            });
        }
        return json;
    }
}
