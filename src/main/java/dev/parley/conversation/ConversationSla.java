package dev.parley.conversation;

import dev.parley.shared.Actor;
import java.util.List;
import java.util.Map;

/**
 * What the conversation API needs of SLAs: the JSON's {@code sla_policy_id}, {@code applied_sla} and
 * {@code sla_events}, and applying a policy from a conversation update ({@code sla_policy_id}); implemented by the
 * module that owns SLAs (sla) so this module does not depend on it.
 */
public interface ConversationSla {

    /** The SLA facts of each conversation of the page that has an SLA, by conversation id. */
    Map<Long, Facts> of(List<ConversationView> page);

    /** Applies the policy to the conversation; a conversation keeps the policy it has (another one: 422). */
    void apply(long accountId, long conversationId, long policyId, Actor actor);

    record Facts(long slaPolicyId, Map<String, Object> appliedSla, List<Map<String, Object>> slaEvents) {
    }
}
