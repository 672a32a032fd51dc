package dev.parley.widget.application;

import dev.parley.contact.ContactInboxView;
import dev.parley.contact.ContactInput;
import dev.parley.contact.ContactManagement;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.contact.PublicIdentity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who the visitor says they are ({@code setUser}, the pre-chat form). With the inbox's {@code hmac_mandatory}, an
 * identifier needs its {@code identifier_hash} (HMAC-SHA256 with the inbox's HMAC token); a wrong hash is always
 * refused. Naming the identifier of a known contact makes the visitor that contact (a new visitor token is answered);
 * a verified contact can only be claimed with its hash.
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

    VisitorIdentity(PublicIdentity identity, ContactQueries contacts, ContactManagement contactManagement, Visitors visitors) {
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
            identity.refuseUnverifiedClaim(visitor.accountId(), null, identifier, null, null, verified);
            ContactInboxView ci = contactManagement.contactInboxFor(visitor.accountId(), holder.get().id(), visitor.inbox().id());
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
