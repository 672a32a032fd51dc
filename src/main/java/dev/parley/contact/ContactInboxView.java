package dev.parley.contact;

/** A contact's identity in one inbox: {@code sourceId} is what the public client API addresses it by. */
public record ContactInboxView(long id, long contactId, long inboxId, String sourceId, boolean hmacVerified, String pubsubToken) {
}
