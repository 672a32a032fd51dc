package dev.parley.contact;

import dev.parley.account.Labels;
import dev.parley.contact.persistence.ContactRepository;
import dev.parley.shared.Actor;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A contact's labels (Chatwoot's contact label_list): replaced as a whole, as Chatwoot's POST .../labels does. */
@Service
@Transactional
public class ContactLabels {

    private final ContactRepository contacts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ContactLabels(ContactRepository contacts, ApplicationEventPublisher events, Clock clock) {
        this.contacts = contacts;
        this.events = events;
        this.clock = clock;
    }

    /** Makes the labels exactly these (lower-cased, de-duplicated); publishes {@link ContactUpdated} only on a change. */
    public List<String> replace(long accountId, long contactId, List<String> labels, Actor actor) {
        if (labels == null) throw InvalidInput.of("labels", "can't be blank");
        List<String> invalid = labels.stream().filter(l -> l == null || !Labels.isValidTitle(l)).toList();
        if (!invalid.isEmpty()) throw InvalidInput.of("labels", "contain invalid titles: " + invalid);
        contacts.lock(accountId, contactId).orElseThrow(() -> new ResourceNotFound("Contact"));
        List<String> before = contacts.labels(contactId);
        List<String> after = new ArrayList<>(new LinkedHashSet<>(labels.stream().map(l -> l.trim().toLowerCase()).toList()));
        if (new LinkedHashSet<>(before).equals(new LinkedHashSet<>(after))) return before;
        contacts.replaceLabels(contactId, after);
        events.publishEvent(new ContactUpdated(UUID.randomUUID(), clock.instant(), accountId, contactId,
                Map.of("label_list", List.of(before, after)), actor));
        return after;
    }
}
