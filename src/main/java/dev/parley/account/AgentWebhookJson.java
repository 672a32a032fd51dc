package dev.parley.account;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Chatwoot's agent in webhook payloads (its {@code User#webhook_data}): a conversation's assignee, a message's agent sender. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgentWebhookJson(long id, String name, String email, String type) {

    public static AgentWebhookJson of(AgentView a) {
        return new AgentWebhookJson(a.id(), a.availableName(), a.email(), "user");
    }
}
