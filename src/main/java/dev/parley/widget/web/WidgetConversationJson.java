package dev.parley.widget.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.account.AgentJson;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The widget's conversation ({@code conversations/create}): what the visitor sees of it, with its public messages. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WidgetConversationJson(long id, long inboxId, Long contactLastSeenAt, Long agentLastSeenAt, String status, Meta meta,
                                     List<WidgetMessageJson> messages, boolean muted, Long timestamp) {

    /** The assignee, when there is one ({@code meta} is an empty object otherwise). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Meta(@JsonInclude(JsonInclude.Include.NON_NULL) AgentJson assignee) {
    }

    /** {@code conversations/index}: the visitor's current conversation in brief. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(long id, long inboxId, String status, Long contactLastSeenAt, Long agentLastSeenAt) {
    }
}
