package dev.parley.web.dashboard;

import dev.parley.contact.ContactView;
import dev.parley.inbox.InboxView;
import dev.parley.search.ConversationHit;
import dev.parley.search.MessageHit;
import dev.parley.search.SearchResults;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Search results as the dashboard shows them: one line each (title, detail, link), grouped by kind. */
public record SearchRows(List<Row> conversations, List<Row> contacts, List<Row> messages) {

    /** A found thing: what it is called, a line about it and where it opens. */
    public record Row(String title, String detail, String href) {
    }

    static SearchRows of(long accountId, SearchResults found) {
        String base = "/app/accounts/" + accountId;
        return new SearchRows(
                found.conversations().stream().map(c -> conversation(base, c, found)).toList(),
                found.contacts().stream().map(c -> new Row(nameOf(c), details(c), base + "/contacts/" + c.id())).toList(),
                found.messages().stream().map(m -> message(base, m, found)).toList());
    }

    public SearchRows first(int n) {
        return new SearchRows(conversations.stream().limit(n).toList(), contacts.stream().limit(n).toList(), messages.stream().limit(n).toList());
    }

    public boolean isEmpty() {
        return conversations.isEmpty() && contacts.isEmpty() && messages.isEmpty();
    }

    public int size() {
        return conversations.size() + contacts.size() + messages.size();
    }

    private static Row conversation(String base, ConversationHit c, SearchResults found) {
        ContactView contact = found.contactsById().get(c.contactId());
        MessageHit first = found.firstMessages().get(c.id());
        String detail = Stream.of(inboxName(found, c.inboxId()), c.status(), first == null ? null : first.content())
                .filter(Objects::nonNull).reduce((a, b) -> a + " · " + b).orElse("");
        return new Row("#" + c.displayId() + " " + (contact == null ? "" : nameOf(contact)), detail, base + "/conversations/" + c.displayId());
    }

    private static Row message(String base, MessageHit m, SearchResults found) {
        String who = m.senderId() == null ? "System" : "User".equals(m.senderType())
                ? (found.agents().containsKey(m.senderId()) ? found.agents().get(m.senderId()).availableName() : "Agent")
                : (found.contactsById().containsKey(m.senderId()) ? nameOf(found.contactsById().get(m.senderId())) : "Customer");
        return new Row(m.content() == null ? "" : m.content(), who + (m.isPrivate() ? " (private note)" : "") + " in #" + m.displayId()
                + " · " + inboxName(found, m.inboxId()), base + "/conversations/" + m.displayId());
    }

    private static String inboxName(SearchResults found, long inboxId) {
        InboxView inbox = found.inboxes().get(inboxId);
        return inbox == null ? "" : inbox.name();
    }

    static String nameOf(ContactView c) {
        return c.name() == null || c.name().isBlank() ? Objects.requireNonNullElse(c.email(), "Contact " + c.id()) : c.name();
    }

    private static String details(ContactView c) {
        return Stream.of(c.email(), c.phoneNumber(), c.identifier()).filter(Objects::nonNull).reduce((a, b) -> a + " · " + b).orElse("");
    }
}
