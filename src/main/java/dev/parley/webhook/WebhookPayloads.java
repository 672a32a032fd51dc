package dev.parley.webhook;

import dev.parley.account.AccountBriefJson;
import dev.parley.account.AccountQueries;
import dev.parley.account.AgentPushJson;
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
import dev.parley.conversation.MessagePushData;
import dev.parley.conversation.MessageView;
import dev.parley.inbox.InboxBriefJson;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.shared.Timestamps;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final MessagePushData pushData;

    WebhookPayloads(ConversationQueries conversations, ContactQueries contacts, AccountQueries accounts, InboxQueries inboxes, Teams teams,
                    Attachments attachments, MessagePushData pushData) {
        this.attachments = attachments;
        this.pushData = pushData;
        this.conversations = conversations;
        this.contacts = contacts;
        this.accounts = accounts;
        this.inboxes = inboxes;
        this.teams = teams;
    }

    /**
     * The conversation with its unread count and whether its contact inbox is HMAC-verified, as Chatwoot's push data has
     * them; its last chat message (not an activity, not a private note) in the push shape.
     */
    public ConversationWebhookJson conversation(ConversationView c) {
        var contactInbox = c.contactInboxId() == null ? Optional.<ContactInboxView>empty() : contacts.contactInbox(c.contactInboxId());
        var meta = new ConversationWebhookJson.Meta(
                contacts.find(c.accountId(), c.contactId()).map(ContactPushJson::of).orElse(null),
                c.assigneeId() == null ? null : accounts.agent(c.accountId(), c.assigneeId()).map(AgentPushJson::of).orElse(null),
                c.assigneeId() == null ? null : "User",
                c.teamId() == null ? null : teams.find(c.accountId(), c.teamId()).map(TeamBriefJson::of).orElse(null),
                contactInbox.map(ContactInboxView::hmacVerified).orElse(false));
        return new ConversationWebhookJson(c.additionalAttributes(), true,
                inboxes.find(c.accountId(), c.inboxId()).map(InboxView::channelType).orElse(null),
                contactInbox.map(ConversationWebhookJson.ContactInbox::of).orElse(null), c.displayId(), c.inboxId(),
                conversations.lastMessage(c.id(), true).map(m -> List.of(pushData.of(m, c))).orElse(List.of()), c.labels(), meta,
                c.status().apiName(), c.customAttributes(), Timestamps.iso(c.snoozedUntil()),
                conversations.unreadCounts(List.of(c)).getOrDefault(c.id(), 0), Timestamps.iso(c.firstReplyCreatedAt()),
                c.priority() == null ? null : c.priority().apiName(), unixOrZero(c.waitingSince()), unixOrZero(c.agentLastSeenAt()),
                unixOrZero(c.contactLastSeenAt()), unixOrZero(c.lastActivityAt()), unixOrZero(c.lastActivityAt()),
                unixOrZero(c.createdAt()), c.updatedAt() == null ? null : c.updatedAt().toEpochMilli() / 1000.0, c.accountId());
    }

    /** The message of a message event, with its conversation. */
    public MessageWebhookJson message(MessageView m, ConversationView c) {
        AccountBriefJson account = account(c.accountId());
        return new MessageWebhookJson(account, Map.of(), attachments.ofMessage(m.id()), m.contentAttributes(),
                m.contentType(), m.content(), conversation(c), Timestamps.iso(m.createdAt()), m.id(),
                inboxes.find(c.accountId(), c.inboxId()).map(InboxBriefJson::of).orElse(null), m.messageType().apiName(), m.isPrivate(),
                sender(m, account), m.sourceId());
    }

    public ContactWebhookJson contact(ContactView c) {
        return ContactWebhookJson.of(c, account(c.accountId()));
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

    /** Chatwoot's {@code sender.try(:webhook_data)}: the agent's or the contact's webhook data; null without a sender. */
    private Object sender(MessageView m, AccountBriefJson account) {
        if (m.senderId() == null) return null;
        if ("User".equals(m.senderType())) return accounts.agent(m.accountId(), m.senderId()).map(AgentWebhookJson::of).orElse(null);
        return contacts.find(m.accountId(), m.senderId()).map(c -> ContactWebhookJson.of(c, account)).orElse(null);
    }

    /** Ruby's {@code nil.to_i}: Chatwoot renders an unset time it converts to unix seconds as 0. */
    private static long unixOrZero(java.time.Instant time) {
        return time == null ? 0 : time.getEpochSecond();
    }
}
