package dev.parley.widget.application;

import dev.parley.contact.ContactInboxView;
import dev.parley.contact.ContactView;
import dev.parley.inbox.InboxView;
import dev.parley.inbox.WebWidgetChannel;
import dev.parley.shared.Actor;

/** A website visitor as one widget API call knows them: the widget inbox, and the contact the visitor token names. */
public record Visitor(WebWidgetChannel channel, InboxView inbox, ContactInboxView contactInbox, ContactView contact) {

    public long accountId() {
        return inbox.accountId();
    }

    public Actor actor() {
        return Actor.contact(contact.id(), contact.name());
    }
}
