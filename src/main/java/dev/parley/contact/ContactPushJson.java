package dev.parley.contact;

import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Chatwoot's contact in brief (its {@code Contact#push_event_data}): a conversation's {@code meta.sender}, a message's
 * contact sender, and the contact of contact and widget webhooks. Snake case by annotation, as webhook payloads are
 * written by a plain mapper.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContactPushJson(Map<String, Object> additionalAttributes, Map<String, Object> customAttributes, String email, long id,
                              String identifier, String name, String phoneNumber, String thumbnail, boolean blocked, String type) {

    public static ContactPushJson of(ContactView c) {
        return new ContactPushJson(c.additionalAttributes(), c.customAttributes(), c.email(), c.id(), c.identifier(), c.name(),
                c.phoneNumber(), "", c.blocked(), "contact");
    }

    /** A contact no longer in the account, by id only. */
    public static ContactPushJson unknown(long id) {
        return new ContactPushJson(null, null, null, id, null, null, null, null, false, "contact");
    }
}
