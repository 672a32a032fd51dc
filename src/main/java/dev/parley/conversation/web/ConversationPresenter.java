package dev.parley.conversation.web;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.account.TeamView;
import dev.parley.attachment.AttachmentJson;
import dev.parley.attachment.Attachments;
import dev.parley.inbox.InboxQueries;
import dev.parley.contact.ContactView;
import dev.parley.account.AgentJson;
import dev.parley.account.TeamJson;
import dev.parley.account.Teams;
import dev.parley.contact.ContactJson;
import dev.parley.contact.ContactQueries;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationSla;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageJson;
import dev.parley.conversation.MessagePushData;
import dev.parley.conversation.MessageView;
import dev.parley.shared.Timestamps;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Builds the JSON Chatwoot clients expect from views, looking up sender, assignee and team. */
@Component
class ConversationPresenter {

    private final ConversationQueries conversations;
    private final ContactQueries contacts;
    private final AccountQueries accounts;
    private final Teams teams;
    private final Attachments attachments;
    private final List<ConversationSla> slaFacts;

    private final InboxQueries inboxes;
    private final MessagePushData pushData;

    ConversationPresenter(ConversationQueries conversations, ContactQueries contacts, AccountQueries accounts, Teams teams,
                          Attachments attachments, InboxQueries inboxes, List<ConversationSla> slaFacts, MessagePushData pushData) {
        this.pushData = pushData;
        this.inboxes = inboxes;
        this.slaFacts = slaFacts;
        this.attachments = attachments;
        this.conversations = conversations;
        this.contacts = contacts;
        this.accounts = accounts;
        this.teams = teams;
    }

    ConversationJson conversation(ConversationView c) {
        return conversations(List.of(c)).get(0);
    }

    /**
     * A page of conversations in five queries whatever its length: contacts, agents, teams, last messages
     * and unread counts are read for the whole page, not per conversation.
     */
    List<ConversationJson> conversations(List<ConversationView> page) {
        if (page.isEmpty()) return List.of();
        long accountId = page.get(0).accountId();
        Map<Long, ContactView> senders = contacts.findAll(accountId, page.stream().map(ConversationView::contactId).distinct().toList());
        Map<Long, AgentView> agents = accounts.agents(accountId).stream().collect(Collectors.toMap(AgentView::id, a -> a));
        Map<Long, TeamView> teamsById = teams.all(accountId).stream().collect(Collectors.toMap(TeamView::id, t -> t));
        Map<Long, MessageView> last = conversations.lastMessages(page);
        Map<Long, Integer> unread = conversations.unreadCounts(page);
        Map<Long, List<AttachmentJson>> files = attachments.ofMessages(last.values().stream().map(MessageView::id).toList());
        Map<Long, String> sources = contacts.sourceIds(page.stream().map(ConversationView::contactInboxId).filter(java.util.Objects::nonNull).toList());
        Map<Long, String> channels = inboxes.channelTypes(accountId);
        Map<Long, ConversationSla.Facts> slas = new java.util.HashMap<>();
        slaFacts.forEach(s -> slas.putAll(s.of(page)));
        return page.stream().map(c -> json(c, senders, agents, teamsById, last.get(c.id()), unread.getOrDefault(c.id(), 0), files, sources,
                channels.getOrDefault(c.inboxId(), "Channel::Api"), slas.get(c.id()))).toList();
    }

    private ConversationJson json(ConversationView c, Map<Long, ContactView> senders, Map<Long, AgentView> agents, Map<Long, TeamView> teamsById,
                                  MessageView lastMessage, int unread, Map<Long, List<AttachmentJson>> files, Map<Long, String> sources,
                                  String channel, ConversationSla.Facts sla) {
        ContactView contact = senders.get(c.contactId());
        Object sender = contact == null ? null : ContactJson.of(contact);
        Object assignee = c.assigneeId() == null || !agents.containsKey(c.assigneeId()) ? null : AgentJson.of(agents.get(c.assigneeId()));
        Object team = c.teamId() == null || !teamsById.containsKey(c.teamId()) ? null : TeamJson.of(teamsById.get(c.teamId()), false);
        MessageJson last = lastMessage == null ? null : message(lastMessage, c, agents, senders,
                files.getOrDefault(lastMessage.id(), List.of()), MessagePushData.block(c, unread, c.contactInboxId() == null ? null : sources.get(c.contactInboxId())));
        var meta = new ConversationJson.Meta(sender, channel, assignee, assignee == null ? null : "User", team, false);
        return new ConversationJson(meta, c.displayId(), last == null ? List.of() : List.of(last), c.accountId(), c.uuid(),
                c.additionalAttributes(), Timestamps.unix(c.agentLastSeenAt()), Timestamps.unix(c.agentLastSeenAt()), true,
                Timestamps.unix(c.contactLastSeenAt()), c.customAttributes(), c.inboxId(), c.labels(), contact != null && contact.blocked(),
                Timestamps.unix(c.snoozedUntil()), c.status().apiName(), Timestamps.unix(c.createdAt()), Timestamps.unix(c.updatedAt()),
                Timestamps.unix(c.lastActivityAt()), Timestamps.unix(c.firstReplyCreatedAt()), unread, last,
                Timestamps.unix(c.lastActivityAt()), c.priority() == null ? null : c.priority().apiName(),
                Timestamps.unix(c.waitingSince()), sla == null ? null : sla.slaPolicyId(), c.teamId(), c.assigneeId(),
                sla == null ? null : sla.appliedSla(), sla == null ? List.of() : sla.slaEvents());
    }

    private MessageJson message(MessageView m, ConversationView c, Map<Long, AgentView> agents, Map<Long, ContactView> contactsById,
                                List<AttachmentJson> files, MessageJson.Conversation block) {
        return MessagePushData.of(m, c, files, block, MessagePushData.sender(m, agents::get, contactsById::get));
    }

    MessageJson message(MessageView m, ConversationView c) {
        return pushData.of(m, c);
    }

    /** A page of messages of one conversation: their attachments in one query, the conversation block read once. */
    List<MessageJson> messages(List<MessageView> page, ConversationView c) {
        return pushData.of(page, c);
    }

    /** Each message's attachments, in one query (for the public API's maps). */
    Map<Long, List<AttachmentJson>> attachments(List<MessageView> page) {
        return attachments.ofMessages(page.stream().map(MessageView::id).toList());
    }

    /** A message's sender as Chatwoot's push data shows it: {@code AgentPushJson} or {@code ContactPushJson}; null without one. */
    Object sender(MessageView m) {
        return pushData.sender(m);
    }

    /** The same, with the contact the caller has already read (a customer's own message: no second read). */
    Object sender(MessageView m, ContactView known) {
        return pushData.sender(m, known);
    }
}
