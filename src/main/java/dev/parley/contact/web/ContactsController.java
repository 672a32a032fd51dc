package dev.parley.contact.web;

import dev.parley.account.Membership;
import dev.parley.contact.ContactInboxView;
import dev.parley.contact.ContactInput;
import dev.parley.contact.ContactJson;
import dev.parley.contact.ContactManagement;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.inbox.InboxQueries;
import dev.parley.shared.AdministratorOnly;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chatwoot's contacts API: list, search, show, create (optionally into an inbox), update, delete. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/contacts")
class ContactsController {

    private final ContactQueries queries;
    private final ContactManagement management;
    private final InboxQueries inboxes;

    ContactsController(ContactQueries queries, ContactManagement management, InboxQueries inboxes) {
        this.queries = queries;
        this.management = management;
        this.inboxes = inboxes;
    }

    record ContactRequest(String name, String email, String phoneNumber, String identifier, Boolean blocked,
                          Map<String, Object> additionalAttributes, Map<String, Object> customAttributes, Long inboxId,
                          String sourceId) {
        ContactInput input() {
            return new ContactInput(name, email, phoneNumber, identifier, blocked, additionalAttributes, customAttributes);
        }
    }

    record ContactInboxRequest(Long inboxId, String sourceId) {
    }

    @GetMapping
    Map<String, Object> index(Membership me, @RequestParam(defaultValue = "1") int page) {
        return page(me, null, page);
    }

    @GetMapping("/search")
    Map<String, Object> search(Membership me, @RequestParam(name = "q", required = false) String q,
                               @RequestParam(defaultValue = "1") int page) {
        return page(me, q, page);
    }

    @GetMapping("/{id}")
    Map<String, Object> show(Membership me, @PathVariable long id) {
        ContactView contact = queries.get(me.accountId(), id);
        return Map.of("payload", ContactJson.of(contact, queries.contactInboxes(id), inboxId -> inboxes.find(me.accountId(), inboxId)
                .map(i -> new ContactJson.InboxBrief(i.id(), "", i.id(), i.name(), i.channelType(), null))
                .orElse(new ContactJson.InboxBrief(inboxId, "", inboxId, null, null, null))));
    }

    /** Chatwoot's contact create answer: the contact, and its contact inbox when one was asked for. */
    record CreatedContact(ContactJson contact, @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) CreatedContactInbox contactInbox) {
    }

    record CreatedContactInbox(InboxRef inbox, String sourceId) {
    }

    record InboxRef(long id) {
    }

    @PostMapping
    @Transactional // a refused contact_inbox leaves no contact behind
    Map<String, Object> create(Membership me, @RequestBody ContactRequest body) {
        if (body.inboxId() != null) inboxes.visible(me, body.inboxId());
        ContactView contact = management.create(me.accountId(), body.input(), me.actor());
        ContactInboxView ci = body.inboxId() == null ? null
                : management.addToInbox(me.accountId(), contact.id(), body.inboxId(), body.sourceId(), false);
        return Map.of("payload", new CreatedContact(ContactJson.of(contact, List.of()),
                ci == null ? null : new CreatedContactInbox(new InboxRef(ci.inboxId()), ci.sourceId())));
    }

    @PatchMapping("/{id}")
    Map<String, Object> update(Membership me, @PathVariable long id, @RequestBody ContactRequest body) {
        return Map.of("payload", ContactJson.of(management.update(me.accountId(), id, body.input(), me.actor())));
    }

    @PutMapping("/{id}")
    Map<String, Object> replace(Membership me, @PathVariable long id, @RequestBody ContactRequest body) {
        return update(me, id, body);
    }

    @DeleteMapping("/{id}")
    @AdministratorOnly
    Map<String, Object> delete(Membership me, @PathVariable long id) {
        management.delete(me.accountId(), id);
        return Map.of();
    }

    @PostMapping("/{id}/contact_inboxes")
    Map<String, Object> addToInbox(Membership me, @PathVariable long id, @RequestBody ContactInboxRequest body) {
        if (body.inboxId() == null) throw dev.parley.shared.InvalidInput.of("inbox_id", "can't be blank");
        inboxes.visible(me, body.inboxId());
        ContactInboxView ci = management.addToInbox(me.accountId(), id, body.inboxId(), body.sourceId(), false);
        return Map.of("source_id", ci.sourceId(), "inbox", Map.of("id", ci.inboxId()));
    }

    private Map<String, Object> page(Membership me, String query, int page) {
        List<ContactJson> payload = queries.page(me.accountId(), query, page).stream().map(ContactJson::of).toList();
        return Map.of("meta", Map.of("count", queries.count(me.accountId(), query), "current_page", Math.max(page, 1)),
                "payload", payload);
    }
}
