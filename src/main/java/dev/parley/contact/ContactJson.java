package dev.parley.contact;

import dev.parley.shared.Timestamps;
import java.util.List;
import java.util.Map;

/** Chatwoot's contact JSON, used by the contacts API and as a conversation's {@code meta.sender}. */
public record ContactJson(long id, String name, String email, String phoneNumber, String identifier, String thumbnail,
                          String availabilityStatus, boolean blocked, Map<String, Object> additionalAttributes,
                          Map<String, Object> customAttributes, Long lastActivityAt, Long createdAt, String type,
                          List<ContactInboxJson> contactInboxes) {

    /** A contact inbox as nested in contact JSON: Chatwoot's contact_inbox partial, with the inbox in brief. */
    public record ContactInboxJson(String sourceId, long inboxId, InboxBrief inbox) {
    }

    /** The inbox of a contact inbox as Chatwoot's contact_inbox partial shows it. */
    public record InboxBrief(long id, String avatarUrl, long channelId, String name, String channelType, String provider) {
    }

    public static ContactJson of(ContactView c) {
        return of(c, null);
    }

    public static ContactJson of(ContactView c, List<ContactInboxView> contactInboxes) {
        return of(c, contactInboxes, inboxId -> new InboxBrief(inboxId, "", inboxId, null, null, null));
    }

    /** With each contact inbox's inbox described by {@code inboxOf} (its name and channel). */
    public static ContactJson of(ContactView c, List<ContactInboxView> contactInboxes, java.util.function.LongFunction<InboxBrief> inboxOf) {
        return new ContactJson(c.id(), c.name(), c.email(), c.phoneNumber(), c.identifier(), "", "offline", c.blocked(),
                c.additionalAttributes(), c.customAttributes(), Timestamps.unix(c.lastActivityAt()), Timestamps.unix(c.createdAt()),
                "contact", contactInboxes == null ? null
                        : contactInboxes.stream().map(ci -> new ContactInboxJson(ci.sourceId(), ci.inboxId(), inboxOf.apply(ci.inboxId()))).toList());
    }
}
