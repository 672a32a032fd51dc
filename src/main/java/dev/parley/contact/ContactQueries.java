package dev.parley.contact;

import dev.parley.contact.persistence.ContactFilterColumns;
import dev.parley.contact.persistence.ContactRepository;
import dev.parley.shared.filter.FilterRow;
import dev.parley.shared.filter.FilterSql;
import dev.parley.shared.Errors;
import dev.parley.shared.ResourceNotFound;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of contacts and contact inboxes. */
@Service
@Transactional(readOnly = true)
public class ContactQueries {

    public static final int PAGE_SIZE = 15;

    private final ContactRepository contacts;

    public ContactQueries(ContactRepository contacts) {
        this.contacts = contacts;
    }

    public ContactView get(long accountId, long contactId) {
        return contacts.find(accountId, contactId).orElseThrow(() -> new ResourceNotFound("Contact"));
    }

    public Optional<ContactView> find(long accountId, long contactId) {
        return contacts.find(accountId, contactId);
    }

    /** The given contacts of the account, by id (one query, for lists). */
    public java.util.Map<Long, ContactView> findAll(long accountId, java.util.Collection<Long> contactIds) {
        return contacts.findAll(accountId, contactIds).stream().collect(java.util.stream.Collectors.toMap(ContactView::id, c -> c));
    }

    /** The account's contact with this email address (case-insensitive), if any. */
    public Optional<ContactView> byEmail(long accountId, String email) {
        return contacts.byEmail(accountId, email);
    }

    public Optional<ContactView> byIdentifier(long accountId, String identifier) {
        return contacts.holderOf(accountId, "identifier", identifier, -1).flatMap(id -> contacts.find(accountId, id));
    }

    /** A page (1-based) of contacts, optionally matching a search text in name, email, phone or identifier. */
    public List<ContactView> page(long accountId, String query, int page) {
        return contacts.page(accountId, Errors.blankToNull(query), PAGE_SIZE, (Math.max(page, 1) - 1) * PAGE_SIZE);
    }

    /** A page (1-based) of Chatwoot's contact search (any part of name, email, phone or identifier), most recently active first. */
    public List<ContactView> search(long accountId, String query, int page) {
        return contacts.search(accountId, Errors.blankToNull(query), PAGE_SIZE, (Math.max(page, 1) - 1) * PAGE_SIZE);
    }

    /** A page (1-based) of the contacts matching Chatwoot's advanced filter rows, and how many match in all. */
    public FilteredContacts filter(long accountId, List<FilterRow> rows, int page) {
        FilterSql.Condition condition = FilterSql.of(rows, ContactFilterColumns.VOCABULARY);
        return new FilteredContacts(contacts.filtered(accountId, condition, PAGE_SIZE, (Math.max(page, 1) - 1) * PAGE_SIZE),
                contacts.filteredCount(accountId, condition));
    }

    public record FilteredContacts(List<ContactView> page, long count) {
    }

    /** The source ids of the given contact inboxes, by contact inbox id (one query, for lists). */
    public java.util.Map<Long, String> sourceIds(java.util.Collection<Long> contactInboxIds) {
        return contacts.sourceIds(contactInboxIds);
    }

    public List<String> labels(long accountId, long contactId) {
        get(accountId, contactId);
        return contacts.labels(contactId);
    }

    public long count(long accountId, String query) {
        return contacts.count(accountId, Errors.blankToNull(query));
    }

    public Optional<ContactInboxView> contactInbox(long inboxId, String sourceId) {
        return contacts.findContactInbox(inboxId, sourceId);
    }

    public Optional<ContactInboxView> contactInbox(long contactInboxId) {
        return contacts.findContactInbox(contactInboxId);
    }

    public List<ContactInboxView> contactInboxes(long contactId) {
        return contacts.contactInboxes(contactId);
    }
}
