package dev.parley.webhook;

import dev.parley.account.AccountBriefJson;
import dev.parley.contact.ContactView;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Chatwoot's contact in webhook payloads (its {@code Contact#webhook_data}): the body of contact_created and
 * contact_updated, a message's contact sender and the contact of webwidget_triggered. Unlike the push data
 * ({@code ContactPushJson}, a conversation's {@code meta.sender}) it carries the account and the avatar.
 * {@code type} is Parley's addition (Chatwoot's webhook data had it until it was dropped), so a receiver can tell a
 * contact sender from an agent ({@code "user"}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContactWebhookJson(AccountBriefJson account, Map<String, Object> additionalAttributes, String avatar,
                                 Map<String, Object> customAttributes, String email, long id, String identifier, String name,
                                 String phoneNumber, String thumbnail, boolean blocked, String type) {

    public static ContactWebhookJson of(ContactView c, AccountBriefJson account) {
        return new ContactWebhookJson(account, c.additionalAttributes(), "", c.customAttributes(), c.email(), c.id(), c.identifier(),
                c.name(), c.phoneNumber(), "", c.blocked(), "contact");
    }
}
