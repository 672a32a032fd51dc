package dev.parley.automation.application;

import dev.parley.automation.domain.RuleEvaluator;
import dev.parley.automation.domain.Snapshot;
import dev.parley.conversation.ConversationCreated;
import dev.parley.conversation.ConversationStatusChanged;
import dev.parley.conversation.MessageCreated;
import dev.parley.conversation.MessageType;
import dev.parley.shared.Actor;
import dev.parley.shared.timers.TimerKey;
import dev.parley.shared.timers.Timers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Arms, moves and cancels the timers of delayed rules in the transaction of the conversation change that causes
 * it (the listeners run before that transaction commits). Chatwoot's episodes: time in a status (armed at
 * creation and at each status change, cancelled by the next one); awaiting an agent (armed by a customer
 * message, the clock running from the first unanswered one, cancelled by an agent's reply); awaiting the
 * customer (armed by an agent's reply, moved by each further reply, cancelled by the customer's). Conditions
 * are checked when armed and again when due. An account without delayed rules pays one cached lookup.
 */
@Component
public class RuleTimers {

    static final String KIND = "automation_rule";
    static final String STATUS = "status";
    static final String AWAITING_AGENT = "awaiting_agent";
    static final String AWAITING_CUSTOMER = "awaiting_customer";

    private final ActiveRules rules;
    private final Timers timers;
    private final SnapshotLoader snapshots;

    RuleTimers(ActiveRules rules, Timers timers, SnapshotLoader snapshots) {
        this.rules = rules;
        this.timers = timers;
        this.snapshots = snapshots;
    }

    /** Cancels every armed timer of the rule (it was edited, switched off or deleted). */
    public void dropArmed(long ruleId, String why) {
        timers.cancelOwned(owner(ruleId), why);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ConversationCreated e) {
        List<CompiledRule> candidates = statusRules(e.accountId(), Set.of("conversation_created", "conversation_updated"));
        if (candidates.isEmpty()) return;
        armStatusEpisode(candidates, e.accountId(), e.conversationId(), e.status().apiName(), e.inboxId(), e.occurredAt(),
                "conversation created (" + e.status().apiName() + ") by " + who(e.causedBy()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ConversationStatusChanged e) {
        List<CompiledRule> all = statusRules(e.accountId(), Set.of("conversation_created", "conversation_updated"));
        if (all.isEmpty()) return; // no delayed status rule: nothing can be armed (an edited rule's timers were dropped)
        String change = "status changed from " + e.from().apiName() + " to " + e.to().apiName() + " by " + who(e.causedBy());
        timers.cancelOfConversation(e.conversationId(), KIND, "episode", STATUS, change);
        armStatusEpisode(all.stream().filter(r -> "conversation_updated".equals(r.view().eventName())).toList(), e.accountId(),
                e.conversationId(), e.to().apiName(), e.inboxId(), e.occurredAt(), change);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(MessageCreated e) {
        if (e.messageType() == MessageType.ACTIVITY || e.isPrivate() || e.causedBy().isAutomation()) return;
        List<CompiledRule> delayed = rules.delayed(e.accountId(), "message_created");
        if (delayed.isEmpty()) return;
        boolean incoming = e.messageType() == MessageType.INCOMING;
        if (!incoming && !e.humanReply()) return;
        String what = incoming ? "customer message " + e.messageId() : who(e.causedBy()) + " replied (message " + e.messageId() + ")";
        timers.cancelOfConversation(e.conversationId(), KIND, "episode", incoming ? AWAITING_CUSTOMER : AWAITING_AGENT, what);
        Optional<Snapshot> snapshot = snapshots.load(e.conversationId(), Map.of(), e.messageId(),
                delayed.stream().anyMatch(CompiledRule::readsCustomAttributes));
        if (snapshot.isEmpty()) return;
        for (CompiledRule rule : matching(delayed, snapshot.get())) {
            Map<String, Object> payload = payload(rule, incoming ? AWAITING_AGENT : AWAITING_CUSTOMER);
            payload.put("anchor_message_id", e.messageId());
            TimerKey key = key(rule, e.conversationId(), (String) payload.get("episode"));
            Instant due = e.occurredAt().plus(delay(rule));
            if (incoming) timers.arm(key, owner(rule.id()), e.accountId(), e.conversationId(), due, payload, what); // first unanswered message
            else timers.armOrMove(key, owner(rule.id()), e.accountId(), e.conversationId(), due, payload, what); // each reply restarts the wait
        }
    }

    private List<CompiledRule> statusRules(long accountId, Set<String> events) {
        List<CompiledRule> found = new ArrayList<>();
        for (String event : events) found.addAll(rules.delayed(accountId, event));
        return found;
    }

    private void armStatusEpisode(List<CompiledRule> candidates, long accountId, long conversationId, String status, long inboxId, Instant at,
                                  String why) {
        Snapshot facts = statusSnapshot(status, inboxId, at);
        for (CompiledRule rule : matching(candidates, facts)) {
            Map<String, Object> payload = payload(rule, STATUS);
            payload.put("status", status);
            timers.arm(key(rule, conversationId, STATUS), owner(rule.id()), accountId, conversationId, at.plus(delay(rule)), payload, why);
        }
    }

    private static List<CompiledRule> matching(List<CompiledRule> candidates, Snapshot snapshot) {
        return candidates.stream().filter(r -> {
            var evaluation = RuleEvaluator.evaluate(r.conditions(), snapshot);
            return evaluation.invalid() == null && evaluation.matched();
        }).toList();
    }

    /** Delayed conversation rules look at status and inbox only, which the event carries. */
    private static Snapshot statusSnapshot(String status, long inboxId, Instant at) {
        return new Snapshot(status, null, null, null, inboxId, Set.of(), Map.of(), Map.of(), null, null, Map.of(), Map.of(), List.of(), Map.of(),
                Map.of(), LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    private static Map<String, Object> payload(CompiledRule rule, String episode) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("rule_id", rule.id());
        payload.put("event_name", rule.view().eventName());
        payload.put("episode", episode);
        payload.put("delay_minutes", rule.view().executionDelay());
        return payload;
    }

    static TimerKey key(CompiledRule rule, long conversationId, String episode) {
        return new TimerKey(KIND, "rule:" + rule.id() + ":conversation:" + conversationId + ":" + episode);
    }

    static String owner(long ruleId) {
        return "rule:" + ruleId;
    }

    private static Duration delay(CompiledRule rule) {
        return Duration.ofMinutes(rule.view().executionDelay());
    }

    static String who(Actor actor) {
        return switch (actor.kind()) {
            case USER -> actor.name();
            case CONTACT -> "the customer";
            case AUTOMATION_RULE -> "rule \"" + actor.name() + "\"";
            case ASSIGNMENT -> "auto-assignment";
            case SYSTEM -> "the system";
        };
    }
}
