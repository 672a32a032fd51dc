package dev.parley.assignment.application;

import dev.parley.assignment.domain.Candidate;
import dev.parley.assignment.domain.RoutingRules;
import dev.parley.assignment.domain.Selection;
import dev.parley.assignment.persistence.RoutingRepository;
import dev.parley.conversation.ConversationView;
import dev.parley.shared.JsonCodec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Keeps the last routing decision of each conversation: the answer to "why did it go to her?" or "why does it wait?". */
@Component
class DecisionLog {

    private final RoutingRepository routing;
    private final JsonCodec json;
    private final Clock clock;

    DecisionLog(RoutingRepository routing, JsonCodec json, Clock clock) {
        this.routing = routing;
        this.json = json;
        this.clock = clock;
    }

    void record(ConversationView c, Selection s, RoutingRules rules) {
        routing.recordDecision(c.id(), c.accountId(), c.inboxId(), clock.instant(), s.assigned() ? "assigned" : "waiting",
                s.assigned() ? s.chosen().userId() : null, json.write(explain(s, rules)));
    }

    /**
     * A conversation routing will not look at (a disabled policy, a team closed to auto-assignment): the
     * reason is written only when it differs from the last decision, so repeated passes write nothing.
     */
    void recordWaiting(ConversationView c, String reason, RoutingRules rules) {
        routing.recordDecisionIfChanged(c.id(), c.accountId(), c.inboxId(), clock.instant(), reason,
                json.write(explain(new Selection(null, reason, Map.of()), rules)));
    }

    static Map<String, Object> explain(Selection s, RoutingRules rules) {
        var policy = new LinkedHashMap<String, Object>();
        policy.put("order", rules.order().name().toLowerCase());
        policy.put("conversation_priority", rules.longestWaitingFirst() ? "longest_waiting" : "earliest_created");
        policy.put("inbox_limit", rules.inboxLimit());
        policy.put("account_limit", rules.accountLimit());
        policy.put("fair_distribution_limit", rules.fairLimit());
        var candidates = new ArrayList<Map<String, Object>>();
        s.verdicts().forEach((id, verdict) -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("user_id", id);
            entry.put("verdict", verdict.name().toLowerCase());
            entry.put("explanation", verdict.words());
            candidates.add(entry);
        });
        var explanation = new LinkedHashMap<String, Object>();
        explanation.put("reason", s.reason());
        explanation.put("policy", policy);
        explanation.put("candidates", candidates);
        return explanation;
    }

    static Map<String, Object> describe(Candidate c) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("user_id", c.userId());
        entry.put("name", c.name());
        entry.put("online", c.online());
        entry.put("availability", c.availability());
        entry.put("open_in_inbox", c.openInInbox());
        return entry;
    }
}
