package dev.parley.account;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Chatwoot's agent in brief as a message's sender (its {@code User#push_event_data}). An agent no longer in the
 * account is shown by id only (the other keys null).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgentPushJson(long id, String name, String availableName, String avatarUrl, String availabilityStatus, String thumbnail,
                            String type) {

    public static AgentPushJson of(AgentView a) {
        return new AgentPushJson(a.id(), a.name(), a.availableName(), "", a.availability().apiName(), "", "user");
    }

    public static AgentPushJson unknown(long id) {
        return new AgentPushJson(id, null, null, null, null, null, "user");
    }
}
