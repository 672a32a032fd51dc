package dev.parley.automation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored rule, conditions and actions exactly as the client sent them; {@code executionDelay} is Chatwoot's
 * delay in minutes (null: the rule runs at the event).
 */
public record AutomationRuleView(long id, long accountId, String name, String description, String eventName,
                                 List<Map<String, Object>> conditions, List<Map<String, Object>> actions, boolean active,
                                 Integer position, boolean stopProcessing, int runtimeErrorCount, String disabledReason,
                                 Instant createdAt, Instant updatedAt, Integer executionDelay) {

    public boolean delayed() {
        return executionDelay != null;
    }
}
