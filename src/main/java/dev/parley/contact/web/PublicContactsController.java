package dev.parley.contact.web;

import dev.parley.contact.ContactInboxView;
import dev.parley.contact.ContactInput;
import dev.parley.contact.ContactManagement;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.contact.PublicIdentity;
import dev.parley.inbox.InboxView;
import dev.parley.shared.Actor;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Chatwoot's public client API for contacts of an API inbox (no token: the inbox identifier addresses it). */
@RestController
@RequestMapping("/public/api/v1/inboxes/{inboxIdentifier}/contacts")
class PublicContactsController {

    private final PublicIdentity identity;
    private final ContactManagement management;
    private final ContactQueries queries;

    PublicContactsController(PublicIdentity identity, ContactManagement management, ContactQueries queries) {
        this.identity = identity;
        this.management = management;
        this.queries = queries;
    }

    record PublicContactRequest(String sourceId, String identifier, String identifierHash, String name, String email,
                                String phoneNumber, Map<String, Object> customAttributes, Map<String, Object> additionalAttributes) {
        ContactInput input() {
            return new ContactInput(name, email, phoneNumber, identifier, null, additionalAttributes, customAttributes);
        }
    }

    record PublicContactJson(long id, String sourceId, String pubsubToken, String name, String email, String phoneNumber,
                             String identifier, Map<String, Object> customAttributes) {
        static PublicContactJson of(ContactView c, ContactInboxView ci) {
            return new PublicContactJson(c.id(), ci.sourceId(), ci.pubsubToken(), c.name(), c.email(), c.phoneNumber(),
                    c.identifier(), c.customAttributes());
        }
    }

    @PostMapping
    @Transactional
    PublicContactJson create(@PathVariable String inboxIdentifier, @RequestBody PublicContactRequest body) {
        InboxView inbox = identity.inbox(inboxIdentifier);
        boolean verified = identity.verify(inbox, body.identifier(), body.identifierHash());
        identity.refuseUnverifiedClaim(inbox.accountId(), null, body.identifier(), body.email(), body.phoneNumber(), verified);
        ContactView contact = existingByIdentifier(inbox, body)
                .orElseGet(() -> management.create(inbox.accountId(), body.input(), Actor.system()));
        if (verified) management.markIdentityVerified(contact.id());
        ContactInboxView ci = management.addToInbox(inbox.accountId(), contact.id(), inbox.id(), body.sourceId(), verified);
        return PublicContactJson.of(contact, ci);
    }

    @GetMapping("/{sourceId}")
    PublicContactJson show(@PathVariable String inboxIdentifier, @PathVariable String sourceId) {
        ContactInboxView ci = identity.contactInbox(inboxIdentifier, sourceId);
        InboxView inbox = identity.inbox(inboxIdentifier);
        return PublicContactJson.of(queries.get(inbox.accountId(), ci.contactId()), ci);
    }

    @PatchMapping("/{sourceId}")
    @Transactional
    PublicContactJson update(@PathVariable String inboxIdentifier, @PathVariable String sourceId,
                             @RequestBody PublicContactRequest body) {
        ContactInboxView ci = identity.contactInbox(inboxIdentifier, sourceId);
        InboxView inbox = identity.inbox(inboxIdentifier);
        boolean verified = body.identifier() != null && identity.verify(inbox, body.identifier(), body.identifierHash());
        ContactView current = queries.get(inbox.accountId(), ci.contactId());
        identity.refuseUnverifiedClaim(inbox.accountId(), current, body.identifier(), body.email(), body.phoneNumber(), verified);
        ContactView updated = management.update(inbox.accountId(), ci.contactId(), body.input(),
                Actor.contact(current.id(), current.name()));
        if (verified) management.markIdentityVerified(current.id());
        return PublicContactJson.of(updated, ci);
    }

    @PutMapping("/{sourceId}")
    @Transactional
    PublicContactJson replace(@PathVariable String inboxIdentifier, @PathVariable String sourceId,
                              @RequestBody PublicContactRequest body) {
        return update(inboxIdentifier, sourceId, body);
    }

    private java.util.Optional<ContactView> existingByIdentifier(InboxView inbox, PublicContactRequest body) {
        if (body.identifier() == null || body.identifier().isBlank()) return java.util.Optional.empty();
        return queries.byIdentifier(inbox.accountId(), body.identifier().trim());
    }
}
