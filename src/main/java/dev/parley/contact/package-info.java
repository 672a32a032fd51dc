/**
 * Parties: contacts (the customers) and their contact inboxes (a contact's identity in one inbox,
 * the {@code source_id} the public API uses). Publishes {@link dev.parley.contact.ContactCreated} and
 * {@link dev.parley.contact.ContactUpdated}; listens to nothing.
 */
package dev.parley.contact;
