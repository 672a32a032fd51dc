package dev.parley.contact;

/** The contact inbox a public client API path names, and its contact (read together: the public API's hot path). */
public record PublicContact(ContactInboxView contactInbox, ContactView contact) {
}
