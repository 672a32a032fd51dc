package dev.parley.conversation;

import dev.parley.account.Membership;
import dev.parley.conversation.persistence.ConversationRepository;
import dev.parley.conversation.persistence.ConversationSearch;
import dev.parley.conversation.persistence.MessageRepository;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.shared.Errors;
import dev.parley.shared.ResourceNotFound;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of conversations and messages. Agents see conversations of their inboxes; administrators all. */
@Service
@Transactional(readOnly = true)
public class ConversationQueries {

    public static final int MESSAGE_PAGE = 20;
    /** Conversations per page of the list (Chatwoot's 25). */
    public static final int PAGE_SIZE = ConversationSearch.PAGE_SIZE;
    private static final List<String> ASSIGNEE_TYPES = List.of("me", "unassigned", "assigned", "all");

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final InboxQueries inboxes;

    public ConversationQueries(ConversationRepository conversations, MessageRepository messages, InboxQueries inboxes) {
        this.conversations = conversations;
        this.messages = messages;
        this.inboxes = inboxes;
    }

    public ConversationView visible(Membership caller, long displayId) {
        ConversationView c = conversations.findByDisplayId(caller.accountId(), displayId)
                .orElseThrow(() -> new ResourceNotFound("Conversation"));
        if (!caller.isAdministrator() && !inboxes.isMember(c.inboxId(), caller.userId())) throw new ResourceNotFound("Conversation");
        return c;
    }

    public Optional<ConversationView> find(long accountId, long displayId) {
        return conversations.findByDisplayId(accountId, displayId);
    }

    public Optional<ConversationView> findById(long conversationId) {
        return conversations.findById(conversationId);
    }

    public ConversationPage list(Membership caller, ConversationFilter filter) {
        var search = searchOf(caller, filter);
        long[] counts = conversations.counts(search, caller.userId());
        return new ConversationPage(conversations.search(search), counts[0], counts[1], counts[2], counts[3]);
    }

    /**
     * Chatwoot's advanced filter: the rows as one condition, within what the caller may see, newest activity
     * first, 25 a page; the counts are those of the filtered set.
     */
    public ConversationPage filter(Membership caller, List<dev.parley.shared.filter.FilterRow> rows, int page) {
        var condition = dev.parley.shared.filter.FilterSql.of(rows, dev.parley.conversation.persistence.ConversationFilterColumns.VOCABULARY);
        var search = new ConversationSearch(caller.accountId()).page(page);
        if (!caller.isAdministrator()) {
            List<Long> mine = inboxes.visibleTo(caller).stream().map(InboxView::id).toList();
            search.add("c.inbox_id = ANY(?)", (Object) mine.toArray(Long[]::new));
        }
        search.add(condition.sql(), condition.params().toArray());
        search.orderBy(orderBy(null));
        long[] counts = conversations.counts(search, caller.userId());
        return new ConversationPage(conversations.search(search), counts[0], counts[1], counts[2], counts[3]);
    }

    /** The account's highest display id so far: a conversation created later has a higher one (pins a bulk "all matching"). */
    public long lastDisplayId(long accountId) {
        return conversations.lastDisplayId(accountId);
    }

    /** Display ids of every conversation the filter matches (all pages), for "apply to all matching" bulk actions. */
    public List<Long> matchingDisplayIds(Membership caller, ConversationFilter filter, int limit) {
        return conversations.search(searchOf(caller, filter).page(1), limit).stream().map(ConversationView::displayId).toList();
    }

    private ConversationSearch searchOf(Membership caller, ConversationFilter filter) {
        var errors = new Errors();
        if (filter.status() != null && !"all".equals(filter.status())) {
            errors.oneOf("status", filter.status(), ConversationStatus.apiNames());
        }
        errors.oneOf("assignee_type", filter.assigneeType(), ASSIGNEE_TYPES);
        if (filter.conversationType() != null) errors.oneOf("conversation_type", filter.conversationType(), ConversationFilter.CONVERSATION_TYPES);
        errors.throwIfAny();
        var search = new ConversationSearch(caller.accountId()).page(filter.page());
        if (!caller.isAdministrator()) {
            List<Long> mine = inboxes.visibleTo(caller).stream().map(InboxView::id).toList();
            search.add("c.inbox_id = ANY(?)", (Object) mine.toArray(Long[]::new));
        }
        String status = filter.status() == null ? "open" : filter.status();
        if (!"all".equals(status)) search.add("c.status = ?", status);
        if (filter.inboxId() != null) search.add("c.inbox_id = ?", filter.inboxId());
        if (filter.teamId() != null) search.add("c.team_id = ?", filter.teamId());
        if (filter.labels() != null && !filter.labels().isEmpty()) {
            search.add("c.labels && ?::text[]", (Object) filter.labels().stream().map(String::toLowerCase).toArray(String[]::new));
        }
        if (filter.query() != null && !filter.query().isBlank()) {
            search.add("(c.display_id::text = ? OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.content ILIKE '%' || ? || '%'))",
                    filter.query().trim(), filter.query().trim());
        }
        switch (filter.conversationType() == null ? "" : filter.conversationType()) {
            case "mention" -> search.add("EXISTS (SELECT 1 FROM mentions mn WHERE mn.conversation_id = c.id AND mn.user_id = ?)", caller.userId());
            case "participating" -> search.add("""
                    (c.assignee_id = ? OR EXISTS (SELECT 1 FROM messages pm WHERE pm.conversation_id = c.id AND pm.sender_type = 'User'
                     AND pm.sender_id = ?))""", caller.userId(), caller.userId());
            case "unattended" -> search.add("(c.first_reply_created_at IS NULL OR c.waiting_since IS NOT NULL)");
            default -> { }
        }
        if (filter.advanced() != null && !filter.advanced().isEmpty()) {
            var condition = dev.parley.shared.filter.FilterSql.of(filter.advanced(), dev.parley.conversation.persistence.ConversationFilterColumns.VOCABULARY);
            search.add(condition.sql(), condition.params().toArray());
        }
        switch (filter.assigneeType() == null ? "all" : filter.assigneeType()) {
            case "me" -> search.assignee("c.assignee_id = ?", caller.userId());
            case "unassigned" -> search.assignee("c.assignee_id IS NULL");
            case "assigned" -> search.assignee("c.assignee_id IS NOT NULL");
            default -> { }
        }
        search.orderBy(orderBy(filter.sortBy()));
        return search;
    }

    public List<MessageView> messages(long conversationId, Long before, Long after, boolean publicOnly) {
        return messages.page(conversationId, before, after, publicOnly, MESSAGE_PAGE);
    }

    /** The latest messages of a conversation (all kinds), oldest first. */
    public List<MessageView> recentMessages(long conversationId, int limit) {
        return messages.page(conversationId, null, null, false, limit);
    }

    /** Many conversations by id in one read (for work done on a batch of events), by id. */
    public java.util.Map<Long, ConversationView> findAllById(java.util.Collection<Long> conversationIds) {
        return conversations.findAllById(conversationIds).stream().collect(java.util.stream.Collectors.toMap(ConversationView::id, c -> c));
    }

    /** Many messages by id in one read (for work done on a batch of events), by id. */
    public java.util.Map<Long, MessageView> messagesById(java.util.Collection<Long> messageIds) {
        return messages.findAll(messageIds).stream().collect(java.util.stream.Collectors.toMap(MessageView::id, m -> m));
    }

    public Optional<MessageView> message(long conversationId, long messageId) {
        return messages.find(conversationId, messageId);
    }

    public List<MessageView> allPublicMessages(long conversationId) {
        return messages.page(conversationId, null, 0L, true, 10_000);
    }

    public Optional<MessageView> lastMessage(long conversationId, boolean publicOnly) {
        return messages.lastNonActivity(conversationId, publicOnly);
    }

    /** What a list card shows beyond the conversation: its last message and its unread count. */
    public record CardFacts(String lastMessage, int unread) {
    }

    /** Each conversation's last message (any kind but activity), by conversation id, in one query. */
    public java.util.Map<Long, MessageView> lastMessages(List<ConversationView> page) {
        return messages.lastNonActivity(page.stream().map(ConversationView::id).toList());
    }

    /** Unread customer messages per conversation, in one query. */
    public java.util.Map<Long, Integer> unreadCounts(List<ConversationView> page) {
        return messages.unreadCounts(page.stream().map(ConversationView::id).toList());
    }

    /** {@link CardFacts} for a page of conversations, by conversation id, in two queries. */
    public java.util.Map<Long, CardFacts> cardFacts(List<ConversationView> page) {
        var last = lastMessages(page);
        var unread = unreadCounts(page);
        var facts = new java.util.HashMap<Long, CardFacts>();
        for (ConversationView c : page) {
            MessageView m = last.get(c.id());
            facts.put(c.id(), new CardFacts(m == null || m.content() == null ? "" : m.content(), unread.getOrDefault(c.id(), 0)));
        }
        return facts;
    }

    public long messageCount(long conversationId) {
        return messages.count(conversationId);
    }

    public List<ConversationView> ofContact(long accountId, long contactId) {
        return conversations.ofContact(accountId, contactId);
    }

    public List<ConversationView> ofContactInbox(long contactInboxId) {
        return conversations.ofContactInbox(contactInboxId);
    }

    public Optional<ConversationView> latestOfContactInbox(long contactInboxId) {
        return conversations.latestOfContactInbox(contactInboxId);
    }

    /** Open, unassigned conversations of an inbox in queue order (the assignment module's work list). */
    public List<ConversationView> waiting(long inboxId, boolean longestWaitingFirst, int limit, int offset) {
        return conversations.waiting(inboxId, longestWaitingFirst, limit, offset);
    }

    /** The account's most recently active conversations (any status), newest first. */
    public List<ConversationView> latest(long accountId, int limit) {
        return conversations.search(new ConversationSearch(accountId).orderBy(" ORDER BY c.last_activity_at DESC, c.id DESC"), limit);
    }

    /** Account and inbox ids of every inbox that has open, unassigned conversations. */
    public List<long[]> inboxesWithWaiting() {
        return conversations.inboxesWithWaiting();
    }

    /** Open conversations per agent, in one inbox or (inboxId null) across the account. */
    public java.util.Map<Long, Long> openCounts(long accountId, Long inboxId, java.util.Collection<Long> userIds) {
        return conversations.openCounts(accountId, inboxId, userIds);
    }

    /** Urgent first; conversations without a priority rank after low. */
    private static final String PRIORITY_RANK =
            "CASE c.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END";

    private static String orderBy(String sortBy) {
        return switch (sortBy == null ? "latest" : sortBy) {
            case "sort_on_created_at", "created_at_asc" -> " ORDER BY c.created_at ASC, c.id ASC";
            case "created_at_desc" -> " ORDER BY c.created_at DESC, c.id DESC";
            case "last_activity_at_asc" -> " ORDER BY c.last_activity_at ASC, c.id ASC";
            case "sort_on_priority", "priority_desc" -> " ORDER BY " + PRIORITY_RANK + " ASC, c.last_activity_at DESC, c.id DESC";
            case "priority_asc" -> " ORDER BY " + PRIORITY_RANK + " DESC, c.last_activity_at DESC, c.id DESC";
            case "sort_on_waiting_since", "waiting_since_asc" -> " ORDER BY c.waiting_since ASC NULLS LAST, c.id ASC";
            case "waiting_since_desc" -> " ORDER BY c.waiting_since DESC NULLS LAST, c.id DESC";
            default -> " ORDER BY c.last_activity_at DESC, c.id DESC";
        };
    }
}
