package dev.parley.account;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Chatwoot's team in brief (its {@code Team#push_event_data}), as a conversation's {@code meta.team} in webhook payloads. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TeamBriefJson(long id, String name) {

    public static TeamBriefJson of(TeamView t) {
        return new TeamBriefJson(t.id(), t.name());
    }
}
