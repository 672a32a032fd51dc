package dev.parley.widget.application;

import dev.parley.contact.ContactInboxView;
import dev.parley.contact.ContactInput;
import dev.parley.contact.ContactManagement;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.contact.PublicIdentity;
import dev.parley.conversation.ConversationManagement;
import dev.parley.shared.InvalidInput;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who the visitor says they are ({@code setUser}, the pre-chat form). With the inbox's {@code hmac_mandatory}, an
 * identifier needs its {@code identifier_hash} (HMAC-SHA256 with the inbox's HMAC token); a wrong hash is always
 * refused. Naming, with a valid hash, the identifier of another contact makes the visitor that contact (a new visitor
 * token is answered) and moves the visitor's conversations in the inbox to them; without the hash it is a 422, since
 * it would show that contact's history to whoever names it.
 */
@Service
@Transactional
public class VisitorIdentity {

    /** What the visitor claims; null fields are not claimed. */
    public record Claim(String identifier, String identifierHash, String email, String name, String phoneNumber,
                        Map<String, Object> customAttributes) {
    }

    /** The visitor after the claim, with a new visitor token when they became another contact. */
    public record Outcome(Visitor visitor, String widgetAuthToken) {
    }

    private final PublicIdentity identity;
    private final ContactQueries contacts;
    private final ContactManagement contactManagement;
    private final Visitors visitors;
    private final ConversationManagement conversations;

    VisitorIdentity(PublicIdentity identity, ContactQueries contacts, ContactManagement contactManagement, Visitors visitors,
                    ConversationManagement conversations) {
        this.conversations = conversations;
        this.identity = identity;
        this.contacts = contacts;
        this.contactManagement = contactManagement;
        this.visitors = visitors;
    }

    public Outcome identify(Visitor visitor, Claim claim, boolean setUser) {
        String identifier = blankToNull(claim.identifier());
        boolean verified = setUser || identifier != null ? identity.verify(visitor.inbox(), identifier, claim.identifierHash()) : false;
        Visitor target = visitor;
        String newToken = null;
        Optional<ContactView> holder = identifier == null ? Optional.empty() : contacts.byIdentifier(visitor.accountId(), identifier);
        if (holder.isPresent() && holder.get().id() != visitor.contact().id()) {
            // becoming a known contact shows their history: only with the proof (Parley never merges on an unproven claim)
            identity.refuseUnverifiedClaim(visitor.accountId(), null, identifier, null, null, verified); // a verified contact: 401
            if (!verified) throw InvalidInput.of("identifier", "has already been taken");
            ContactInboxView ci = contactManagement.contactInboxFor(visitor.accountId(), holder.get().id(), visitor.inbox().id());
            conversations.moveToContact(visitor.contactInbox().id(), visitor.contact().id(), holder.get().id(), ci.id());
            target = visitors.as(visitor.channel(), ci);
            newToken = visitors.tokenFor(target);
        } else if (identifier != null && visitor.contact().identifier() != null && !identifier.equals(visitor.contact().identifier())) {
            target = visitors.create(visitor.channel(), Map.of()); // another person signs in on this browser: a new contact
            newToken = visitors.tokenFor(target);
        }
        identity.refuseUnverifiedClaim(target.accountId(), target.contact(), identifier, claim.email(), claim.phoneNumber(), verified);
        contactManagement.update(target.accountId(), target.contact().id(), new ContactInput(blankToNull(claim.name()),
                blankToNull(claim.email()), blankToNull(claim.phoneNumber()), identifier, null, null, claim.customAttributes()), target.actor());
        if (verified) contactManagement.markIdentityVerified(target.contact().id());
        return new Outcome(visitors.reload(target), newToken);
    }

    public Visitor forget(Visitor visitor, List<String> customAttributeKeys) {
        contactManagement.removeCustomAttributes(visitor.accountId(), visitor.contact().id(), customAttributeKeys, visitor.actor());
        return visitors.reload(visitor);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
