package dev.parley.webhook;

import dev.parley.account.AccountBriefJson;
import dev.parley.account.AccountQueries;
import dev.parley.account.AgentWebhookJson;
import dev.parley.account.TeamBriefJson;
import dev.parley.account.Teams;
import dev.parley.attachment.Attachments;
import dev.parley.contact.ContactInboxView;
import dev.parley.contact.ContactPushJson;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageView;
import dev.parley.inbox.InboxBriefJson;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.shared.Timestamps;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Chatwoot's webhook payloads (its §8.3) as typed records: the conversation, message and contact of each event,
 * built from the same brief records (contact, agent, team, inbox, account) wherever they appear.
 */
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

    /** The conversation with its unread count and whether its contact inbox is HMAC-verified, as Chatwoot's push data has them. */
    public ConversationWebhookJson conversation(ConversationView c) {
        var meta = new ConversationWebhookJson.Meta(
                contacts.find(c.accountId(), c.contactId()).map(ContactPushJson::of).orElse(null),
                c.assigneeId() == null ? null : accounts.agent(c.accountId(), c.assigneeId()).map(AgentWebhookJson::of).orElse(null),
                c.assigneeId() == null ? null : "User",
                c.teamId() == null ? null : teams.find(c.accountId(), c.teamId()).map(TeamBriefJson::of).orElse(null),
                c.contactInboxId() != null && contacts.contactInbox(c.contactInboxId()).map(ContactInboxView::hmacVerified).orElse(false));
        return new ConversationWebhookJson(c.additionalAttributes(), true,
                inboxes.find(c.accountId(), c.inboxId()).map(InboxView::channelType).orElse(null), c.displayId(), c.inboxId(),
                conversations.lastMessage(c.id(), true).map(m -> List.of(message(m, c, false))).orElse(List.of()), c.labels(), meta,
                c.status().apiName(), c.customAttributes(), Timestamps.unix(c.snoozedUntil()),
                conversations.unreadCounts(List.of(c)).getOrDefault(c.id(), 0), Timestamps.unix(c.firstReplyCreatedAt()),
                c.priority() == null ? null : c.priority().apiName(), Timestamps.unix(c.waitingSince()), Timestamps.unix(c.agentLastSeenAt()),
                Timestamps.unix(c.contactLastSeenAt()), Timestamps.unix(c.lastActivityAt()), Timestamps.unix(c.lastActivityAt()),
                Timestamps.unix(c.createdAt()), c.updatedAt() == null ? null : c.updatedAt().toEpochMilli() / 1000.0, c.accountId());
    }

    /** The message; {@code withConversation} for a message event (inside a conversation's messages it is left out). */
    public MessageWebhookJson message(MessageView m, ConversationView c, boolean withConversation) {
        return new MessageWebhookJson(account(c.accountId()), Map.of(), attachments.ofMessage(m.id()), m.contentAttributes(),
                m.contentType(), m.content(), withConversation ? conversation(c) : null, Timestamps.unix(m.createdAt()), m.id(),
                inboxes.find(c.accountId(), c.inboxId()).map(InboxBriefJson::of).orElse(null), m.messageType().apiName(), m.isPrivate(),
                sender(m), m.sourceId());
    }

    public ContactPushJson contact(ContactView c) {
        return ContactPushJson.of(c);
    }

    /** Chatwoot's {@code webwidget_triggered}: the contact inbox with its contact, inbox, account and current conversation. */
    public WidgetTriggeredJson widgetTriggered(ContactInboxView contactInbox, ContactView contact, InboxView inbox,
                                               ConversationView current, Map<String, Object> eventInfo) {
        return new WidgetTriggeredJson(contactInbox.id(), contact(contact), InboxBriefJson.of(inbox), account(inbox.accountId()),
                current == null ? null : conversation(current), contactInbox.sourceId(), eventInfo);
    }

    private AccountBriefJson account(long accountId) {
        return new AccountBriefJson(accountId, accounts.account(accountId).name());
    }

    private Object sender(MessageView m) {
        if (m.senderId() == null) return null;
        if ("User".equals(m.senderType())) return accounts.agent(m.accountId(), m.senderId()).map(AgentWebhookJson::of).orElse(null);
        return contacts.find(m.accountId(), m.senderId()).map(ContactPushJson::of).orElse(null);
    }
}
