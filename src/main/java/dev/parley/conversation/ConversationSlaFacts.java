package dev.parley.conversation;

import java.util.List;
import java.util.Map;

/**
 * What the conversation JSON shows of SLAs ({@code sla_policy_id}, {@code applied_sla}, {@code sla_events}),
 * supplied by the module that owns them (sla) so this module does not depend on it.
 */
public interface ConversationSlaFacts {

    /** The SLA facts of each conversation of the page that has an SLA, by conversation id. */
    Map<Long, Facts> of(List<ConversationView> page);

    record Facts(long slaPolicyId, Map<String, Object> appliedSla, List<Map<String, Object>> slaEvents) {
    }
}
