package dev.parley.contact;

import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.shared.NotAuthorized;
import dev.parley.shared.ResourceNotFound;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves the public client API's addressing (inbox identifier + contact source id) and checks the
 * identity HMAC Chatwoot clients send ({@code identifier_hash} = HMAC-SHA256 of the identifier with the
 * inbox's HMAC token).
 */
@Service
@Transactional(readOnly = true)
public class PublicIdentity {

    private final InboxQueries inboxes;
    private final ContactQueries contacts;

    public PublicIdentity(InboxQueries inboxes, ContactQueries contacts) {
        this.inboxes = inboxes;
        this.contacts = contacts;
    }

    public InboxView inbox(String identifier) {
        return inboxes.byIdentifier(identifier).orElseThrow(() -> new ResourceNotFound("Inbox"));
    }

    /** The contact inbox addressed by a public path; a source id from another inbox is not found. */
    public ContactInboxView contactInbox(String inboxIdentifier, String sourceId) {
        InboxView inbox = inbox(inboxIdentifier);
        return contacts.contactInbox(inbox.id(), sourceId).orElseThrow(() -> new ResourceNotFound("Contact"));
    }

    /** True when a valid hash was given; throws when one is required or a wrong one was given. */
    public boolean verify(InboxView inbox, String identifier, String identifierHash) {
        boolean given = identifierHash != null && !identifierHash.isBlank();
        if (!given) {
            if (inbox.hmacMandatory()) throw new NotAuthorized("HMAC failed: Invalid Identifier Hash Provided");
            return false;
        }
        if (identifier == null || !MessageDigest.isEqual(hmac(inbox.hmacToken(), identifier).getBytes(StandardCharsets.UTF_8),
                identifierHash.trim().toLowerCase().getBytes(StandardCharsets.UTF_8))) {
            throw new NotAuthorized("HMAC failed: Invalid Identifier Hash Provided");
        }
        return true;
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
