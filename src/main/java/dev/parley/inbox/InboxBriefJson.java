package dev.parley.inbox;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Chatwoot's inbox in brief (its {@code Inbox#webhook_data}): the {@code inbox} of message and widget webhooks. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InboxBriefJson(long id, String name) {

    public static InboxBriefJson of(InboxView i) {
        return new InboxBriefJson(i.id(), i.name());
    }
}
