package dev.parley.contact.web;

import dev.parley.account.Membership;
import dev.parley.contact.ContactInboxView;
import dev.parley.contact.ContactQueries;
import dev.parley.inbox.InboxJson;
import dev.parley.inbox.InboxQueries;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chatwoot's contactable inboxes: every inbox the caller can see through which this contact can be written
 * to (all of Parley's inboxes are API channels), with the contact's latest source id there or, as Chatwoot's
 * API channel does, a fresh one (not stored: a new conversation creates it).
 */
@RestController
class ContactableInboxesController {

    private final ContactQueries contacts;
    private final InboxQueries inboxes;

    ContactableInboxesController(ContactQueries contacts, InboxQueries inboxes) {
        this.contacts = contacts;
        this.inboxes = inboxes;
    }

    record ContactableInbox(String sourceId, InboxJson inbox) {
    }

    @GetMapping("/api/v1/accounts/{accountId}/contacts/{contactId}/contactable_inboxes")
    Map<String, List<ContactableInbox>> index(Membership me, @PathVariable long contactId) {
        contacts.get(me.accountId(), contactId);
        Map<Long, String> sources = contacts.contactInboxes(contactId).stream()
                .collect(Collectors.toMap(ContactInboxView::inboxId, ContactInboxView::sourceId, (older, newer) -> newer));
        return Map.of("payload", inboxes.visibleTo(me).stream()
                .map(i -> new ContactableInbox(sources.getOrDefault(i.id(), UUID.randomUUID().toString()), InboxJson.of(i, me.isAdministrator())))
                .toList());
    }
}
