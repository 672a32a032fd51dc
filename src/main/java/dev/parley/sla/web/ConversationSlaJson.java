package dev.parley.sla.web;

import dev.parley.conversation.ConversationSlaFacts;
import dev.parley.conversation.ConversationView;
import dev.parley.sla.AppliedSlaView;
import dev.parley.sla.SlaEventView;
import dev.parley.sla.SlaPolicies;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Gives the conversation JSON its {@code sla_policy_id}, {@code applied_sla} and {@code sla_events} (Chatwoot Enterprise's). */
@Component
class ConversationSlaJson implements ConversationSlaFacts {

    private final SlaPolicies policies;

    ConversationSlaJson(SlaPolicies policies) {
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
}
