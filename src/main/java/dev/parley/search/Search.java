package dev.parley.search;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.account.Membership;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.search.persistence.SearchRepository;
import dev.parley.shared.LikePattern;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chatwoot's search (SearchService): 15 results a page of each kind asked for. Agents find the conversations and
 * messages of the inboxes they are members of, administrators those of the whole account; contacts are the
 * account's, as in Chatwoot. An empty text matches everything, as Chatwoot's {@code ILIKE '%%'} does.
 */
@Service
@Transactional(readOnly = true)
public class Search {

    public static final int PAGE_SIZE = 15;

    private final SearchRepository repository;
    private final ContactQueries contacts;
    private final InboxQueries inboxes;
    private final AccountQueries accounts;

    public Search(SearchRepository repository, ContactQueries contacts, InboxQueries inboxes, AccountQueries accounts) {
        this.repository = repository;
        this.contacts = contacts;
        this.inboxes = inboxes;
        this.accounts = accounts;
    }

    public SearchResults find(Membership caller, SearchKind kind, String text, int page) {
        String q = text == null ? "" : text.strip();
        int offset = (Math.max(page, 1) - 1) * PAGE_SIZE;
        List<InboxView> visible = inboxes.visibleTo(caller);
        List<Long> inboxIds = caller.isAdministrator() ? null : visible.stream().map(InboxView::id).toList();
        List<ConversationHit> conversations = kind.includes(SearchKind.CONVERSATIONS) ? conversations(caller, inboxIds, q, offset) : List.of();
        List<ContactView> contactHits = kind.includes(SearchKind.CONTACTS) ? contacts.search(caller.accountId(), q, page) : List.of();
        List<MessageHit> messages = kind.includes(SearchKind.MESSAGES) ? messages(caller, inboxIds, q, offset) : List.of();
        Map<Long, MessageHit> firstMessages = repository.firstMessages(conversations.stream().map(ConversationHit::id).toList());
        Set<Long> contactIds = new HashSet<>();
        conversations.forEach(c -> contactIds.add(c.contactId()));
        Stream.concat(messages.stream(), firstMessages.values().stream()).filter(m -> "Contact".equals(m.senderType()))
                .forEach(m -> contactIds.add(m.senderId()));
        return new SearchResults(conversations, contactHits, messages, contacts.findAll(caller.accountId(), contactIds),
                byId(visible, InboxView::id), byId(accounts.agents(caller.accountId()), AgentView::id), firstMessages);
    }

    private List<ConversationHit> conversations(Membership caller, List<Long> inboxIds, String q, int offset) {
        if (q.isEmpty()) return repository.latestConversations(caller.accountId(), inboxIds, PAGE_SIZE, offset);
        String number = q.startsWith("#") ? q.substring(1) : q;
        boolean isNumber = !number.isEmpty() && number.chars().allMatch(Character::isDigit);
        String pattern = LikePattern.containing(isNumber ? number : q);
        return repository.conversations(caller.accountId(), inboxIds, pattern, isNumber ? number : null, PAGE_SIZE, offset);
    }

    private List<MessageHit> messages(Membership caller, List<Long> inboxIds, String q, int offset) {
        if (q.isEmpty()) return repository.messages(caller.accountId(), inboxIds, null, PAGE_SIZE, offset);
        List<String> words = repository.words(q);
        if (words.isEmpty()) return List.of(); // only punctuation: no word to look for
        return repository.messages(caller.accountId(), inboxIds, FullTextQuery.allWords(words), PAGE_SIZE, offset);
    }

    private static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, i -> i, (a, b) -> a));
    }
}
