package dev.parley.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What a webhook receives: the event's resource (a conversation, message, contact... record) with the event name
 * and, for update events, Chatwoot's {@code changed_attributes} ({@code [{key: {previous_value, current_value}}]}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookBody(@JsonUnwrapped Object payload, @JsonInclude(JsonInclude.Include.NON_NULL) List<Map<String, Change>> changedAttributes,
                          String event) {

    public static WebhookBody of(Object payload, String event) {
        return new WebhookBody(payload, null, event);
    }

    /** One changed attribute's values. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Change(Object previousValue, Object currentValue) {

        public static Change of(List<Object> fromTo) {
            return new Change(fromTo.get(0), fromTo.get(1));
        }
    }

    /** Chatwoot's {@code changed_attributes} from a map of attribute to [previous, current]. */
    public static List<Map<String, Change>> changes(Map<String, List<Object>> changes) {
        return changes.entrySet().stream().map(e -> Map.of(e.getKey(), Change.of(e.getValue()))).toList();
    }
}
