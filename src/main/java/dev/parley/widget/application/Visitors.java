package dev.parley.widget.application;

import dev.parley.contact.ContactInboxView;
import dev.parley.contact.ContactInput;
import dev.parley.contact.ContactManagement;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.inbox.WebWidgetChannel;
import dev.parley.shared.Actor;
import dev.parley.shared.ResourceNotFound;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the visitor of a widget API call from its {@code website_token} and visitor token, or makes a new one (the
 * widget's first config call). An unknown website token, a token that does not verify, one of another inbox, or one
 * naming a contact that is gone: all "not found", as Chatwoot answers, so a visitor never reaches another's data.
 */
@Service
@Transactional
public class Visitors {

    private final InboxQueries inboxes;
    private final ContactQueries contacts;
    private final ContactManagement contactManagement;
    private final VisitorTokens tokens;

    Visitors(InboxQueries inboxes, ContactQueries contacts, ContactManagement contactManagement, VisitorTokens tokens) {
        this.inboxes = inboxes;
        this.contacts = contacts;
        this.contactManagement = contactManagement;
        this.tokens = tokens;
    }

    /** The widget inbox a website token names. */
    @Transactional(readOnly = true)
    public WebWidgetChannel channel(String websiteToken) {
        return inboxes.webWidgetByToken(websiteToken).orElseThrow(() -> new ResourceNotFound("Web widget"));
    }

    /** The visitor the token names, in the widget inbox of the website token. */
    @Transactional(readOnly = true)
    public Visitor visitor(String websiteToken, String authToken) {
        WebWidgetChannel channel = channel(websiteToken);
        return known(channel, authToken).orElseThrow(() -> new ResourceNotFound("Contact"));
    }

    /** The visitor the token names, if it names one of this inbox. */
    @Transactional(readOnly = true)
    public Optional<Visitor> known(WebWidgetChannel channel, String authToken) {
        return tokens.verify(authToken).filter(claims -> claims.inboxId() == channel.inboxId())
                .flatMap(claims -> contacts.contactInbox(channel.inboxId(), claims.sourceId()))
                .flatMap(ci -> visitorOf(channel, ci));
    }

    /** A new visitor: a contact with a friendly name and an identity in the widget inbox. */
    public Visitor create(WebWidgetChannel channel, Map<String, Object> additionalAttributes) {
        InboxView inbox = inbox(channel);
        ContactView contact = contactManagement.create(inbox.accountId(),
                new ContactInput(VisitorNames.next(), null, null, null, null, additionalAttributes, null), Actor.system());
        ContactInboxView ci = contactManagement.addToInbox(inbox.accountId(), contact.id(), inbox.id(), null, false);
        return new Visitor(channel, inbox, ci, contact);
    }

    /** The visitor as the given contact inbox (after set_user moved them to a known contact). */
    @Transactional(readOnly = true)
    public Visitor as(WebWidgetChannel channel, ContactInboxView ci) {
        return visitorOf(channel, ci).orElseThrow(() -> new ResourceNotFound("Contact"));
    }

    /** The visitor read again (after their contact changed). */
    @Transactional(readOnly = true)
    public Visitor reload(Visitor visitor) {
        return as(visitor.channel(), contacts.contactInbox(visitor.contactInbox().id()).orElseThrow(() -> new ResourceNotFound("Contact")));
    }

    public String tokenFor(Visitor visitor) {
        return tokens.issue(visitor.contactInbox().sourceId(), visitor.inbox().id());
    }

    private Optional<Visitor> visitorOf(WebWidgetChannel channel, ContactInboxView ci) {
        InboxView inbox = inbox(channel);
        return contacts.find(inbox.accountId(), ci.contactId()).map(contact -> new Visitor(channel, inbox, ci, contact));
    }

    private InboxView inbox(WebWidgetChannel channel) {
        return inboxes.byId(channel.inboxId()).orElseThrow(() -> new ResourceNotFound("Web widget"));
    }
}
