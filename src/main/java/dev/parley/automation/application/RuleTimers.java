package dev.parley.automation.application;

import dev.parley.automation.domain.RuleEvaluator;
import dev.parley.automation.domain.Snapshot;
import dev.parley.automation.domain.TimeCondition.Episode;
import dev.parley.conversation.ConversationAssigneeChanged;
import dev.parley.conversation.ConversationCreated;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStatusChanged;
import dev.parley.conversation.MessageCreated;
import dev.parley.conversation.MessageType;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.shared.Actor;
import dev.parley.shared.timers.TimerKey;
import dev.parley.shared.timers.Timers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Arms, moves and cancels the timers of timed rules in the transaction of the conversation change that causes it
 * (the listeners run before that transaction commits), one timer per rule, conversation and episode. Episodes:
 * time in a status (armed at creation and at each status change, cancelled by the next one); awaiting an agent
 * (armed by a customer message, cancelled by an agent's reply); awaiting the customer (armed by an agent's reply,
 * cancelled by the customer's); waiting for an assignee (armed while open and unassigned, cancelled by an
 * assignment); the assignee silent (armed by an assignment, cancelled by the assignee's reply or another
 * assignment). Timers in business hours are due when that much of the inbox's open time has passed. An account
 * without timed rules pays one cached lookup per event.
 */
@Component
public class RuleTimers {

    public static final String KIND = "automation_rule";

    private final ActiveRules rules;
    private final Timers timers;
    private final SnapshotLoader snapshots;
    private final InboxQueries inboxes;

    RuleTimers(ActiveRules rules, Timers timers, SnapshotLoader snapshots, InboxQueries inboxes) {
        this.rules = rules;
        this.timers = timers;
        this.snapshots = snapshots;
        this.inboxes = inboxes;
    }

    /** Cancels every armed timer of the rule (it was edited, switched off or deleted). */
    public void dropArmed(long ruleId, String why) {
        timers.cancelOwned(owner(ruleId), why);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ConversationCreated e) {
        List<CompiledRule> timed = rules.timed(e.accountId());
        if (timed.isEmpty()) return;
        Arming arming = new Arming(e.accountId(), e.conversationId(), e.inboxId(), e.occurredAt(),
                "conversation created (" + e.status().apiName() + ") by " + who(e.causedBy()));
        armStatus(timed, arming, e.status().apiName(), true);
        if (e.status() == ConversationStatus.OPEN && e.assigneeId() == null) arm(timed, arming, Episode.UNASSIGNED, Map.of(), false);
        if (e.assigneeId() != null) arm(timed, arming, Episode.ASSIGNED, Map.of("assignee_id", e.assigneeId()), false);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ConversationStatusChanged e) {
        List<CompiledRule> timed = rules.timed(e.accountId());
        if (timed.isEmpty()) return; // no timed rule: nothing is armed (an edited rule's timers were dropped)
        String change = "status changed from " + e.from().apiName() + " to " + e.to().apiName() + " by " + who(e.causedBy());
        cancel(e.conversationId(), Episode.STATUS, change);
        Arming arming = new Arming(e.accountId(), e.conversationId(), e.inboxId(), e.occurredAt(), change);
        armStatus(timed, arming, e.to().apiName(), false);
        if (e.to() != ConversationStatus.OPEN) cancel(e.conversationId(), Episode.UNASSIGNED, change);
        else if (e.assigneeIdAtChange() == null) arm(timed, arming, Episode.UNASSIGNED, Map.of(), false);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ConversationAssigneeChanged e) {
        List<CompiledRule> timed = rules.timed(e.accountId());
        if (timed.isEmpty()) return;
        String change = (e.to() == null ? "unassigned" : "assigned to agent " + e.to()) + " by " + who(e.causedBy());
        cancel(e.conversationId(), Episode.ASSIGNED, change);
        Arming arming = new Arming(e.accountId(), e.conversationId(), e.inboxId(), e.occurredAt(), change);
        if (e.to() != null) {
            cancel(e.conversationId(), Episode.UNASSIGNED, change);
            arm(timed, arming, Episode.ASSIGNED, Map.of("assignee_id", e.to()), false);
        } else if (e.status() == ConversationStatus.OPEN) {
            arm(timed, arming, Episode.UNASSIGNED, Map.of(), false);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(MessageCreated e) {
        if (e.messageType() == MessageType.ACTIVITY || e.isPrivate() || e.causedBy().isAutomation()) return;
        boolean incoming = e.messageType() == MessageType.INCOMING;
        if (!incoming && !e.humanReply()) return;
        List<CompiledRule> timed = rules.timed(e.accountId());
        if (timed.isEmpty()) return;
        String what = incoming ? "customer message " + e.messageId() : who(e.causedBy()) + " replied (message " + e.messageId() + ")";
        cancel(e.conversationId(), incoming ? Episode.AWAITING_CUSTOMER : Episode.AWAITING_AGENT, what);
        if (!incoming && e.assigneeId() != null && e.assigneeId().equals(e.senderId())) cancel(e.conversationId(), Episode.ASSIGNED, what);
        Arming arming = new Arming(e.accountId(), e.conversationId(), e.inboxId(), e.occurredAt(), what);
        Supplier<Optional<Snapshot>> snapshot = memo(() -> snapshots.load(e.conversationId(), Map.of(), e.messageId(),
                timed.stream().anyMatch(CompiledRule::readsCustomAttributes)));
        for (CompiledRule rule : timed) {
            if (!rule.timing().fromExecutionDelay() || "message_created".equals(rule.view().eventName())) {
                Episode episode = rule.timing().startedByMessage(incoming);
                if (episode == null || rule.timing().fromExecutionDelay() && !matches(rule, snapshot.get())) continue;
                // a delayed message_created rule keeps the clock of the first unanswered message (Chatwoot); a time condition restarts it
                boolean keepClock = rule.timing().fromExecutionDelay() && incoming;
                armOne(rule, arming, episode, Map.of("anchor_message_id", e.messageId()), !keepClock);
            }
        }
    }

    private void armStatus(List<CompiledRule> timed, Arming arming, String status, boolean creation) {
        Snapshot facts = statusSnapshot(status, arming.inboxId(), arming.at());
        for (CompiledRule rule : timed) {
            if (!rule.timing().startedByStatus(status, rule.view().eventName(), creation)) continue;
            if (rule.timing().fromExecutionDelay() && !matches(rule, Optional.of(facts))) continue;
            armOne(rule, arming, Episode.STATUS, Map.of("status", status), false);
        }
    }

    private void arm(List<CompiledRule> timed, Arming arming, Episode episode, Map<String, Object> facts, boolean move) {
        for (CompiledRule rule : timed) if (rule.timing().episode() == episode) armOne(rule, arming, episode, facts, move);
    }

    private void armOne(CompiledRule rule, Arming arming, Episode episode, Map<String, Object> facts, boolean move) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("rule_id", rule.id());
        payload.put("event_name", rule.view().eventName());
        payload.put("episode", name(episode));
        payload.put("wait_minutes", rule.timing().waitFor().toMinutes());
        if (rule.timing().businessHours()) payload.put("business_hours", true);
        payload.putAll(facts);
        TimerKey key = new TimerKey(KIND, "rule:" + rule.id() + ":conversation:" + arming.conversationId() + ":" + name(episode));
        Instant due = rule.timing().businessHours() ? arming.hours(inboxes).afterOpenTime(arming.at(), rule.timing().waitFor())
                : arming.at().plus(rule.timing().waitFor());
        if (move) timers.armOrMove(key, owner(rule.id()), arming.accountId(), arming.conversationId(), due, payload, arming.why());
        else timers.arm(key, owner(rule.id()), arming.accountId(), arming.conversationId(), due, payload, arming.why());
    }

    private void cancel(long conversationId, Episode episode, String why) {
        timers.cancelOfConversation(conversationId, KIND, "episode", name(episode), why);
    }

    private static boolean matches(CompiledRule rule, Optional<Snapshot> snapshot) {
        if (snapshot.isEmpty()) return false;
        var evaluation = RuleEvaluator.evaluate(rule.conditions(), snapshot.get());
        return evaluation.invalid() == null && evaluation.matched();
    }

    /** Delayed conversation rules look at status and inbox only, which the event carries. */
    private static Snapshot statusSnapshot(String status, long inboxId, Instant at) {
        return new Snapshot(status, null, null, null, inboxId, Set.of(), Map.of(), Map.of(), null, null, Map.of(), Map.of(), List.of(), Map.of(),
                Map.of(), LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    /** What one change arms timers with; the inbox's hours are read only if a timer counts business hours. */
    private record Arming(long accountId, long conversationId, long inboxId, Instant at, String why) {
        dev.parley.inbox.WorkingHours hours(InboxQueries inboxes) {
            return inboxes.find(accountId, inboxId).map(InboxView::workingHours).orElseThrow();
        }
    }

    static String name(Episode episode) {
        return episode.name().toLowerCase(Locale.ROOT);
    }

    static String owner(long ruleId) {
        return "rule:" + ruleId;
    }

    private static <T> Supplier<T> memo(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;
            private boolean done;

            @Override
            public T get() {
                if (!done) {
                    value = supplier.get();
                    done = true;
                }
                return value;
            }
        };
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
