package dev.parley.search;

/** What a search looks through: everything (Chatwoot's {@code /search}) or one kind of result. */
public enum SearchKind {
    ALL, CONVERSATIONS, CONTACTS, MESSAGES;

    public boolean includes(SearchKind kind) {
        return this == ALL || this == kind;
    }
}
