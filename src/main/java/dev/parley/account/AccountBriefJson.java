package dev.parley.account;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Chatwoot's account in brief (its {@code Account#webhook_data}): the {@code account} of message and widget webhooks. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountBriefJson(long id, String name) {
}
