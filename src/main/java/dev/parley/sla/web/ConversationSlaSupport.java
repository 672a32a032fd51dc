package dev.parley.sla.web;

import dev.parley.conversation.ConversationSla;
import dev.parley.conversation.ConversationView;
import dev.parley.shared.Actor;
import dev.parley.shared.InvalidInput;
import dev.parley.sla.AppliedSlaView;
import dev.parley.sla.SlaEventView;
import dev.parley.sla.SlaPolicies;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Gives the conversation API its SLA parts: the JSON's sla_policy_id, applied_sla and sla_events, and applying a policy. */
@Component
class ConversationSlaSupport implements ConversationSla {

    private final SlaPolicies policies;

    ConversationSlaSupport(SlaPolicies policies) {
        this.policies = policies;
    }

    @Override
    public Map<Long, Facts> of(List<ConversationView> page) {
        Map<Long, Facts> facts = new HashMap<>();
        List<AppliedSlaView> applied = policies.applied(page.stream().map(ConversationView::id).toList());
        if (applied.isEmpty()) return facts;
        Map<Long, List<Map<String, Object>>> events = policies.events(applied.stream().map(AppliedSlaView::conversationId).toList()).stream()
                .collect(Collectors.groupingBy(SlaEventView::conversationId, Collectors.mapping(SlaJson::event, Collectors.toList())));
        for (AppliedSlaView a : applied) {
            facts.put(a.conversationId(), new Facts(a.policy().id(), SlaJson.applied(a), events.getOrDefault(a.conversationId(), List.of())));
        }
        return facts;
    }

    @Override
    public void apply(long accountId, long conversationId, long policyId, Actor actor) {
        if (policies.all(accountId).stream().noneMatch(p -> p.id() == policyId)) throw InvalidInput.of("sla_policy", "not found");
        AppliedSlaView current = policies.applied(List.of(conversationId)).stream().findFirst().orElse(null);
        if (current != null && current.policy().id() != policyId) throw InvalidInput.of("sla_policy", "conversation already has a different sla");
        if (current == null) policies.apply(accountId, conversationId, policyId, actor.name() == null ? "an update" : actor.name());
    }
}
