package dev.parley.email.application;

import dev.parley.contact.ContactInput;
import dev.parley.contact.ContactManagement;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageInput;
import dev.parley.conversation.MessageView;
import dev.parley.conversation.NewConversation;
import dev.parley.email.domain.ParsedMail;
import dev.parley.email.persistence.ReceivedMailRepository;
import dev.parley.inbox.InboxView;
import dev.parley.shared.Actor;
import dev.parley.shared.TooManyRequests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one received mail, exactly once: in one transaction it claims the mail's key (inbox + Message-ID, or a
 * hash of the bytes), finds or creates the contact and the conversation, and posts the message with its files. A
 * crash before the commit leaves nothing, so the mail is imported again; a second delivery finds the key taken.
 * A mail that cannot be parsed or imported is kept raw with the reason and never blocks the next one.
 */
@Component
public class MailImport {

    private static final Logger log = LoggerFactory.getLogger(MailImport.class);

    /** What became of a mail. */
    public enum Outcome { IMPORTED, DUPLICATE, BOUNCE, REFUSED, FAILED }

    private final MailParser parser;
    private final ReceivedMailRepository received;
    private final Threading threading;
    private final MailMessage messages;
    private final Bounces bounces;
    private final SenderLimit senderLimit;
    private final ContactQueries contactQueries;
    private final ContactManagement contacts;
    private final ConversationManagement conversations;
    private final TransactionTemplate tx;

    MailImport(MailParser parser, ReceivedMailRepository received, Threading threading, MailMessage messages, Bounces bounces,
               SenderLimit senderLimit, ContactQueries contactQueries, ContactManagement contacts, ConversationManagement conversations,
               TransactionTemplate tx) {
        this.parser = parser;
        this.received = received;
        this.threading = threading;
        this.messages = messages;
        this.bounces = bounces;
        this.senderLimit = senderLimit;
        this.contactQueries = contactQueries;
        this.contacts = contacts;
        this.conversations = conversations;
        this.tx = tx;
    }

    /** The exactly-once key of a Message-ID. */
    public static String key(String messageId) {
        return "id:" + (messageId.length() > 200 ? "sha256:" + sha256(messageId.getBytes(StandardCharsets.UTF_8)) : messageId);
    }

    /**
     * Imports the mail. Throws only when the database cannot be reached (the caller tries again later, and the
     * key makes the retry safe); anything wrong with the mail itself ends as FAILED with the mail kept.
     */
    public Outcome receive(InboxView inbox, byte[] raw) {
        ParsedMail mail;
        try {
            mail = parser.parse(raw);
        } catch (MailParser.Unparseable e) {
            tx.executeWithoutResult(s -> received.recordFailure(inbox.id(), "sha256:" + sha256(raw), raw, e.getMessage()));
            return Outcome.FAILED;
        }
        String key = mail.messageId() != null ? key(mail.messageId()) : "sha256:" + sha256(raw);
        try {
            return tx.execute(s -> importInTransaction(inbox, mail, key, raw));
        } catch (TransientDataAccessException | org.springframework.dao.DataAccessResourceFailureException
                 | org.springframework.transaction.CannotCreateTransactionException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Mail {} in inbox {} could not be imported; kept for administrators", key, inbox.id(), e);
            tx.executeWithoutResult(s -> received.recordFailure(inbox.id(), key, raw, e.getClass().getSimpleName() + ": " + e.getMessage()));
            return Outcome.FAILED;
        }
    }

    private Outcome importInTransaction(InboxView inbox, ParsedMail mail, String key, byte[] raw) {
        Long row = received.claim(inbox.id(), key, mail.automatic()).orElse(null);
        if (row == null) return Outcome.DUPLICATE;
        if (mail.bounce() != null && bounces.markBounced(inbox, mail.bounce())) {
            received.mark(row, "bounce", null, null);
            return Outcome.BOUNCE;
        }
        try {
            senderLimit.take(inbox, mail.from().email());
        } catch (TooManyRequests e) {
            received.mark(row, "refused", raw, "over the per-sender limit of mail (" + mail.from().email() + ")");
            return Outcome.REFUSED;
        }
        ContactView contact = contact(inbox.accountId(), mail.from());
        long contactInboxId = contactQueries.contactInbox(inbox.id(), contact.email().toLowerCase(java.util.Locale.ROOT))
                .map(ci -> ci.id())
                .orElseGet(() -> contacts.addToInbox(inbox.accountId(), contact.id(), inbox.id(), contact.email().toLowerCase(java.util.Locale.ROOT), false).id());
        Actor customer = Actor.contact(contact.id(), contact.name());
        ConversationView conversation = threading.find(inbox, mail, contactInboxId).orElseGet(() -> conversations.create(
                new NewConversation(inbox.accountId(), inbox.id(), contact.id(), contactInboxId, null, null, null,
                        newConversationAttributes(mail), null), customer));
        MailMessage.Prepared prepared = messages.prepare(inbox.accountId(), mail);
        MessageView message = conversations.postMessage(inbox.accountId(), conversation.displayId(),
                new MessageInput(prepared.content(), "incoming", false, "incoming_email", prepared.contentAttributes(), null,
                        mail.messageId() == null ? null : key(mail.messageId()).substring(3)),
                prepared.files(), customer);
        received.markImported(row, conversation.id(), message.id());
        return Outcome.IMPORTED;
    }

    private ContactView contact(long accountId, ParsedMail.Address from) {
        received.lockSender(accountId, from.email());
        return contactQueries.byEmail(accountId, from.email()).orElseGet(() -> contacts.create(accountId,
                new ContactInput(from.name() == null || from.name().isBlank() ? from.email().substring(0, from.email().indexOf('@')) : from.name(),
                        from.email(), null, null, null, null, null), Actor.system()));
    }

    private static Map<String, Object> newConversationAttributes(ParsedMail mail) {
        var attributes = new LinkedHashMap<String, Object>();
        attributes.put("source", "email");
        attributes.put("mail_subject", mail.subject() == null ? "" : truncate(mail.subject(), 900));
        if (mail.inReplyTo() != null) attributes.put("in_reply_to", truncate(mail.inReplyTo(), 900));
        return attributes;
    }

    static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
