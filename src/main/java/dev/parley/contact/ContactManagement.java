package dev.parley.contact;

import dev.parley.contact.persistence.ContactRepository;
import dev.parley.inbox.InboxQueries;
import dev.parley.shared.Actor;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import dev.parley.shared.Tokens;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Commands on contacts and contact inboxes. Email, phone number and identifier are unique per account. */
@Service
@Transactional
public class ContactManagement {

    private static final List<String> UNIQUE_FIELDS = List.of("email", "phone_number", "identifier");

    private final ContactRepository contacts;
    private final InboxQueries inboxes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ContactManagement(ContactRepository contacts, InboxQueries inboxes, ApplicationEventPublisher events, Clock clock) {
        this.contacts = contacts;
        this.inboxes = inboxes;
        this.events = events;
        this.clock = clock;
    }

    public ContactView create(long accountId, ContactInput input, Actor actor) {
        ContactView candidate = new ContactView(0, accountId, input.name() == null ? "" : input.name().trim(),
                Errors.blankToNull(input.email()), Errors.blankToNull(input.phoneNumber()), Errors.blankToNull(input.identifier()),
                orEmpty(input.additionalAttributes()), orEmpty(input.customAttributes()), Boolean.TRUE.equals(input.blocked()),
                null, null);
        check(candidate);
        ContactView created = contacts.insert(candidate);
        events.publishEvent(new ContactCreated(UUID.randomUUID(), clock.instant(), accountId, created.id(), actor));
        return created;
    }

    public ContactView update(long accountId, long contactId, ContactInput input, Actor actor) {
        ContactView before = contacts.lock(accountId, contactId).orElseThrow(() -> new ResourceNotFound("Contact"));
        ContactView after = new ContactView(before.id(), accountId, input.name() == null ? before.name() : input.name().trim(),
                input.email() == null ? before.email() : Errors.blankToNull(input.email()),
                input.phoneNumber() == null ? before.phoneNumber() : Errors.blankToNull(input.phoneNumber()),
                input.identifier() == null ? before.identifier() : Errors.blankToNull(input.identifier()),
                merge(before.additionalAttributes(), input.additionalAttributes()),
                merge(before.customAttributes(), input.customAttributes()),
                input.blocked() == null ? before.blocked() : input.blocked(), before.lastActivityAt(), before.createdAt());
        return save(before, after, actor);
    }

    /** Removes custom attributes by key (Chatwoot's {@code destroy_custom_attributes}); unknown keys change nothing. */
    public ContactView removeCustomAttributes(long accountId, long contactId, List<String> keys, Actor actor) {
        ContactView before = contacts.lock(accountId, contactId).orElseThrow(() -> new ResourceNotFound("Contact"));
        var kept = new LinkedHashMap<>(before.customAttributes());
        if (keys != null) keys.forEach(kept::remove);
        ContactView after = new ContactView(before.id(), accountId, before.name(), before.email(), before.phoneNumber(), before.identifier(),
                before.additionalAttributes(), kept, before.blocked(), before.lastActivityAt(), before.createdAt());
        return save(before, after, actor);
    }

    private ContactView save(ContactView before, ContactView after, Actor actor) {
        long accountId = before.accountId();
        long contactId = before.id();
        check(after);
        Map<String, List<Object>> changes = changes(before, after);
        if (changes.isEmpty()) return before;
        contacts.update(after);
        events.publishEvent(new ContactUpdated(UUID.randomUUID(), clock.instant(), accountId, contactId, changes, actor));
        return contacts.find(accountId, contactId).orElseThrow();
    }

    public void delete(long accountId, long contactId) {
        contacts.find(accountId, contactId).orElseThrow(() -> new ResourceNotFound("Contact"));
        contacts.delete(contactId);
    }

    /**
     * Locks the two contacts of a merge (in id order) and answers them, base first; either missing is "not found".
     * The caller moves what refers to the mergee, then calls {@link #absorb}, in the same transaction.
     */
    public List<ContactView> lockForMerge(long accountId, long baseId, long mergeeId) {
        List<ContactView> both = contacts.lockBoth(accountId, baseId, mergeeId);
        ContactView base = both.stream().filter(c -> c.id() == baseId).findFirst().orElseThrow(() -> new ResourceNotFound("Contact"));
        ContactView mergee = both.stream().filter(c -> c.id() == mergeeId).findFirst().orElseThrow(() -> new ResourceNotFound("Contact"));
        return List.of(base, mergee);
    }

    /**
     * The contact's part of Chatwoot's merge: the mergee's contact inboxes (source ids) move to the base, its fields
     * fill what the base leaves blank (the base wins), its labels join the base's, and it is deleted. A verified
     * identity stays verified. Publishes {@link ContactUpdated} for the base when a field changed.
     */
    public ContactView absorb(long accountId, ContactView base, ContactView mergee, Actor actor) {
        contacts.moveContactInboxes(mergee.id(), base.id());
        var labels = new java.util.LinkedHashSet<>(contacts.labels(base.id()));
        labels.addAll(contacts.labels(mergee.id()));
        boolean verified = contacts.identityVerified(mergee.id());
        contacts.delete(mergee.id()); // first: the base may take over its email, phone number or identifier (unique)
        ContactView merged = ContactMerging.merged(base, mergee);
        contacts.update(merged);
        contacts.replaceLabels(base.id(), List.copyOf(labels));
        if (merged.lastActivityAt() != null) contacts.touch(base.id(), merged.lastActivityAt());
        if (verified) contacts.markIdentityVerified(base.id(), clock.instant());
        Map<String, List<Object>> changes = changes(base, merged);
        if (!changes.isEmpty()) events.publishEvent(new ContactUpdated(UUID.randomUUID(), clock.instant(), accountId, base.id(), changes, actor));
        return contacts.find(accountId, base.id()).orElseThrow();
    }

    /** The longest email, identifier or source id a contact may have (they are looked up through unique indexes). */
    static final int MAX_IDENTITY = 255;

    /** Gives a contact an identity in an inbox; the source id is random when none is given. */
    public ContactInboxView addToInbox(long accountId, long contactId, long inboxId, String sourceId, boolean hmacVerified) {
        contacts.find(accountId, contactId).orElseThrow(() -> new ResourceNotFound("Contact"));
        if (inboxes.find(accountId, inboxId).isEmpty()) throw InvalidInput.of("inbox_id", "does not exist in this account");
        String source = Errors.blankToNull(sourceId) == null ? UUID.randomUUID().toString() : sourceId.trim();
        new Errors().maxLength("source_id", source, MAX_IDENTITY).throwIfAny(); // longer would not fit the unique index
        if (contacts.findContactInbox(inboxId, source).isPresent()) throw InvalidInput.of("source_id", "has already been taken");
        return contacts.insertContactInbox(contactId, inboxId, source, hmacVerified, Tokens.random(18));
    }

    /** The contact's identity in the inbox, created on first use (agent API conversation create with inbox + contact). */
    public ContactInboxView contactInboxFor(long accountId, long contactId, long inboxId) {
        return contacts.firstContactInbox(contactId, inboxId)
                .orElseGet(() -> addToInbox(accountId, contactId, inboxId, null, false));
    }

    /** Remembers that the contact's identifier was proven with a valid identifier_hash (kept from then on). */
    public void markIdentityVerified(long contactId) {
        contacts.markIdentityVerified(contactId, clock.instant());
    }

    /**
     * The contact was active at {@code at} (wrote a message). Written at most once per {@link #ACTIVITY_RESOLUTION}: a
     * customer typing message after message costs one update of the contact, not one per message.
     */
    public void recordActivity(ContactView contact, Instant at) {
        Instant last = contact.lastActivityAt();
        if (last != null && !last.isBefore(at.minus(ACTIVITY_RESOLUTION)) && !last.isAfter(at)) return;
        contacts.touch(contact.id(), at);
    }

    /** How stale a contact's {@code last_activity_at} may be. */
    static final java.time.Duration ACTIVITY_RESOLUTION = java.time.Duration.ofSeconds(10);

    private void check(ContactView c) {
        var errors = new Errors().email("email", c.email()).phone("phone_number", c.phoneNumber()).maxLength("name", c.name(), 255)
                .attributeLengths("additional_attributes", c.additionalAttributes()).attributeLengths("custom_attributes", c.customAttributes())
                .maxLength("email", c.email(), MAX_IDENTITY).maxLength("identifier", c.identifier(), MAX_IDENTITY);
        errors.throwIfAny();
        for (String field : UNIQUE_FIELDS) {
            String value = switch (field) {
                case "email" -> c.email();
                case "phone_number" -> c.phoneNumber();
                default -> c.identifier();
            };
            if (value != null && contacts.holderOf(c.accountId(), field, value, c.id()).isPresent()) {
                errors.add(field, "has already been taken");
            }
        }
        errors.throwIfAny();
    }

    private static Map<String, List<Object>> changes(ContactView before, ContactView after) {
        var changes = new LinkedHashMap<String, List<Object>>();
        diff(changes, "name", before.name(), after.name());
        diff(changes, "email", before.email(), after.email());
        diff(changes, "phone_number", before.phoneNumber(), after.phoneNumber());
        diff(changes, "identifier", before.identifier(), after.identifier());
        diff(changes, "additional_attributes", before.additionalAttributes(), after.additionalAttributes());
        diff(changes, "custom_attributes", before.customAttributes(), after.customAttributes());
        diff(changes, "blocked", before.blocked(), after.blocked());
        return changes;
    }

    private static void diff(Map<String, List<Object>> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) changes.put(field, java.util.Arrays.asList(before, after));
    }

    private static Map<String, Object> orEmpty(Map<String, Object> map) {
        return map == null ? Map.of() : map;
    }

    private static Map<String, Object> merge(Map<String, Object> current, Map<String, Object> changes) {
        if (changes == null) return current;
        var merged = new LinkedHashMap<>(current);
        merged.putAll(changes);
        return merged;
    }
}
