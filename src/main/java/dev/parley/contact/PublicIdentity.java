package dev.parley.contact;

import dev.parley.contact.persistence.ContactRepository;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.shared.NotAuthorized;
import dev.parley.shared.ResourceNotFound;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves the public client API's addressing (inbox identifier + contact source id) and checks the
 * identity HMAC Chatwoot clients send ({@code identifier_hash} = HMAC-SHA256 of the identifier with the
 * inbox's HMAC token). A contact whose identifier was once proven that way stays verified: its identifier, email
 * and phone number can then only be claimed by a caller who proves it again, in any inbox of the account.
 */
@Service
@Transactional(readOnly = true)
public class PublicIdentity {

    private static final String HMAC_FAILED = "HMAC failed: Invalid Identifier Hash Provided";

    private final InboxQueries inboxes;
    private final ContactQueries contacts;
    private final ContactRepository repository;

    public PublicIdentity(InboxQueries inboxes, ContactQueries contacts, ContactRepository repository) {
        this.inboxes = inboxes;
        this.contacts = contacts;
        this.repository = repository;
    }

    public InboxView inbox(String identifier) {
        return inboxes.byIdentifier(identifier).orElseThrow(() -> new ResourceNotFound("Inbox"));
    }

    /** The contact inbox addressed by a public path; a source id from another inbox is not found. */
    public ContactInboxView contactInbox(String inboxIdentifier, String sourceId) {
        return contactInbox(inbox(inboxIdentifier), sourceId);
    }

    /** The same, for an inbox the caller has already read (one read of the inbox per request). */
    public ContactInboxView contactInbox(InboxView inbox, String sourceId) {
        return contacts.contactInbox(inbox.id(), sourceId).orElseThrow(() -> new ResourceNotFound("Contact"));
    }

    /** The contact inbox and its contact, in one read, for an inbox the caller has already read. */
    public PublicContact publicContact(InboxView inbox, String sourceId) {
        return repository.findPublicContact(inbox.id(), sourceId).orElseThrow(() -> new ResourceNotFound("Contact"));
    }

    /** True when a valid hash was given; throws when one is required or a wrong one was given. */
    public boolean verify(InboxView inbox, String identifier, String identifierHash) {
        boolean given = identifierHash != null && !identifierHash.isBlank();
        if (!given) {
            if (inbox.hmacMandatory()) throw new NotAuthorized(HMAC_FAILED);
            return false;
        }
        if (identifier == null || !MessageDigest.isEqual(hmac(inbox.hmacToken(), identifier).getBytes(StandardCharsets.UTF_8),
                identifierHash.trim().toLowerCase().getBytes(StandardCharsets.UTF_8))) {
            throw new NotAuthorized(HMAC_FAILED);
        }
        return true;
    }

    /**
     * Refuses, when the caller proved nothing, a request that names the identifier, email or phone number of a
     * verified contact other than the caller's own ({@code own}, null when creating), or that changes the
     * identifier of the caller's own verified contact. Answers like a wrong hash, so nothing of the contact leaks.
     */
    public void refuseUnverifiedClaim(long accountId, ContactView own, String identifier, String email, String phoneNumber,
                                      boolean verified) {
        if (verified) return;
        long ownId = own == null ? -1 : own.id();
        var claimed = new java.util.LinkedHashMap<String, String>();
        claimed.put("identifier", identifier);
        claimed.put("email", email);
        claimed.put("phone_number", phoneNumber);
        for (Map.Entry<String, String> claim : claimed.entrySet()) {
            String value = claim.getValue() == null || claim.getValue().isBlank() ? null : claim.getValue().trim();
            if (value != null && repository.holderOf(accountId, claim.getKey(), value, ownId).filter(repository::identityVerified).isPresent()) {
                throw new NotAuthorized(HMAC_FAILED);
            }
        }
        boolean changesOwnIdentifier = own != null && identifier != null && !identifier.trim().equals(own.identifier());
        if (changesOwnIdentifier && repository.identityVerified(own.id())) throw new NotAuthorized(HMAC_FAILED);
    }

    public static String hmac(String key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
