package dev.parley.automation.application;

import dev.parley.automation.domain.RuleAction;
import dev.parley.automation.domain.PresentCheck;
import dev.parley.automation.domain.RuleEvaluator;
import dev.parley.automation.domain.Snapshot;
import dev.parley.automation.persistence.ExecutionRepository;
import dev.parley.automation.application.ActiveRules.EventRules;
import dev.parley.automation.persistence.ExecutionRepository.Claim;
import dev.parley.automation.persistence.ExecutionRepository.EventRun;
import dev.parley.automation.persistence.RuleRepository;
import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.shared.Actor;
import dev.parley.shared.timers.DueTimer;
import dev.parley.shared.timers.TimerResult;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the active rules of one event, at a cost that does not grow with the number of rules: the
 * account's compiled rules come from {@link ActiveRules}, all are evaluated in memory against one
 * snapshot, in order (position, then id; a matched rule with {@code stop_processing} ends the run), and
 * the event's whole explain log is one row. When nothing matched, that row is written in one statement,
 * which is also the event's claim. When a rule matched, one transaction claims the event, checks each
 * matched rule still holds on the conversation as it is now (and again under the row lock before the
 * first action that changes it; otherwise the rule is skipped and the log says what changed), runs the
 * actions one by one (each in a savepoint: a failing action is logged and the next still runs) and
 * writes the log. Events caused by a rule run nothing.
 */
@Service
public class RuleRunner {

    private static final Logger log = LoggerFactory.getLogger(RuleRunner.class);

    private final ActiveRules rules;
    private final RuleRepository ruleStore;
    private final ExecutionRepository executions;
    private final SnapshotLoader snapshots;
    private final ActionExecutor actions;
    private final ConversationQueries conversations;
    private final ConversationManagement conversationCommands;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final Clock clock;
    private final io.micrometer.core.instrument.Timer evaluation;
    private volatile Consumer<TriggeringEvent> beforeActions = event -> { };

    RuleRunner(ActiveRules rules, RuleRepository ruleStore, ExecutionRepository executions, SnapshotLoader snapshots, ActionExecutor actions,
               ConversationQueries conversations, ConversationManagement conversationCommands, PlatformTransactionManager transactions,
               Clock clock, io.micrometer.core.instrument.MeterRegistry meters) {
        this.evaluation = io.micrometer.core.instrument.Timer.builder("parley.automation.evaluation")
                .description("Evaluating every active rule of an event against its snapshot, in memory").publishPercentiles(0.5, 0.99)
                .register(meters);
        this.rules = rules;
        this.ruleStore = ruleStore;
        this.executions = executions;
        this.snapshots = snapshots;
        this.actions = actions;
        this.conversations = conversations;
        this.conversationCommands = conversationCommands;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /** A seam for tests: runs after the rules were evaluated and before any action, as a backlog would delay them. */
    public void beforeActions(Consumer<TriggeringEvent> hook) {
        this.beforeActions = hook == null ? event -> { } : hook;
    }

    /**
     * Evaluates with the rules this node has compiled, without reading the rules version first: the statement that
     * claims the event checks the version, and when the rules changed meanwhile nothing is written and the event is
     * evaluated again with the current rules.
     */
    public void run(TriggeringEvent event) {
        run(event, null, null);
    }

    /**
     * {@link #run(TriggeringEvent)} as part of a reactor batch: the snapshot is taken from the {@code facts} read for
     * the batch, and the log of a run where no action is due is kept in {@code unclaimed} (with the rules version it
     * was evaluated with) for the caller to write with the others in one statement, which checks the versions.
     */
    void run(TriggeringEvent event, UnclaimedRuns unclaimed, BatchFacts facts) {
        boolean readVersion = false;
        while (true) {
            boolean fresh = readVersion;
            // reading the snapshot, evaluating, and logging (or keeping) a run where nothing matched: one short transaction
            Pending pending = transaction.execute(tx -> evaluateAndLog(event, fresh, unclaimed, facts));
            if (pending == null) return;
            readVersion = true;
            if (pending == Pending.RULES_CHANGED) continue;
            if (facts != null) facts.forget(event.conversationId()); // its next events see what these actions leave
            beforeActions.accept(event);
            if (Boolean.TRUE.equals(transaction.execute(tx -> act(pending, event)))) return;
        }
    }

    /** Rules that matched an event (or turned out invalid), waiting for their actions, and the rules version they are of. */
    private record Pending(EventRun run, List<RuleOutcome> outcomes, Snapshot snapshot, long rulesVersion) {
        /** The account's rules changed after the version evaluated: evaluate again. */
        static final Pending RULES_CHANGED = new Pending(null, List.of(), null, -1);
    }

    private Pending evaluateAndLog(TriggeringEvent event, boolean readVersion, UnclaimedRuns unclaimed, BatchFacts facts) {
        EventRules eventRules = readVersion ? null : rules.cached(event.accountId(), event.eventName());
        // no rules cached for the event: nothing would be written to check the version in, so it is read
        if (eventRules == null || eventRules.rules().isEmpty()) eventRules = rules.current(event.accountId(), event.eventName());
        List<CompiledRule> active = eventRules.rules();
        long version = eventRules.version();
        if (active.isEmpty()) return null;
        EventRun run = new EventRun(event.accountId(), event.eventId(), event.eventName(), event.conversationId(), event.displayId(),
                clock.instant());
        if (event.causedBy().isAutomation()) {
            List<Long> ids = active.stream().map(CompiledRule::id).toList();
            String why = "skipped: the event was caused by automation (rule: " + event.causedBy().name() + "), which never triggers rules";
            if (unclaimed != null) {
                unclaimed.recordSkipped(run, ids, why, version);
                return null;
            }
            Claim claim = executions.recordSkipped(run, ids, why, version);
            return claim == Claim.RULES_CHANGED ? rulesChanged(event, version) : null;
        }
        boolean customTypes = active.stream().anyMatch(CompiledRule::readsCustomAttributes);
        boolean contact = active.stream().anyMatch(CompiledRule::readsContact);
        Optional<Snapshot> snapshot = facts != null ? snapshots.load(event, customTypes, contact, facts) : snapshots.load(event, customTypes, contact);
        if (snapshot.isEmpty()) return null;
        long started = System.nanoTime();
        List<RuleOutcome> outcomes = evaluate(active, snapshot.get());
        evaluation.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (outcomes.stream().noneMatch(o -> o.matched || o.invalid())) {
            if (unclaimed != null) {
                unclaimed.record(run, outcomes.stream().map(RuleOutcome::entry).toList(), version);
                return null;
            }
            Claim claim = executions.record(run, outcomes.stream().map(RuleOutcome::entry).toList(), version);
            return claim == Claim.RULES_CHANGED ? rulesChanged(event, version) : null;
        }
        return new Pending(run, outcomes, snapshot.get(), version);
    }

    /** Drops this node's compiled rules of the account at that version (a batch found them stale). */
    void forgetRules(long accountId, long version) {
        rules.forget(accountId, version);
    }

    private Pending rulesChanged(TriggeringEvent event, long version) {
        rules.forget(event.accountId(), version);
        return Pending.RULES_CHANGED;
    }

    /**
     * Runs a delayed rule whose timer is due, in the timer's transaction with the conversation locked: logs why it
     * is skipped ({@code ended}: its episode is over), or evaluates its conditions on the conversation as it is now
     * (with the message that armed it, for message_created) and runs its actions. The run's log is claimed by an
     * id derived from the timer, so even a second firing could not act twice.
     */
    public TimerResult fireDelayed(CompiledRule rule, ConversationView c, DueTimer timer, String ended) {
        UUID runId = UUID.nameUUIDFromBytes(("timer:" + timer.id()).getBytes(StandardCharsets.UTF_8));
        String eventName = rule.view().eventName();
        EventRun run = new EventRun(c.accountId(), runId, eventName, c.id(), c.displayId(), clock.instant());
        Object anchor = timer.payload().get("anchor_message_id");
        RuleOutcome outcome;
        if (ended != null) {
            outcome = RuleOutcome.skipped(rule, "skipped: " + ended);
        } else {
            Long messageId = "message_created".equals(eventName) && anchor instanceof Number n ? n.longValue() : null;
            Snapshot now = snapshots.snapshot(c, Map.of(), messageId);
            outcome = RuleOutcome.evaluated(rule, RuleEvaluator.evaluate(rule.conditions(), now));
            if (outcome.invalid()) recordInvalid(outcome);
            else if (!outcome.matched) outcome.skip("skipped: its conditions no longer match");
        }
        if (!executions.claim(run)) return TimerResult.skipped("already ran (run " + runId + ")");
        if (outcome.matched) {
            Actor actor = Actor.rule(rule.id(), rule.view().name(), 1);
            TriggeringEvent event = new TriggeringEvent(runId, eventName, c.accountId(), c.id(), c.displayId(), Map.of(), null, actor);
            for (RuleAction action : rule.actions()) outcome.actions.add(runAction(action, event, actor));
        }
        executions.complete(runId, List.of(outcome.entry()));
        executions.describeTimer(runId, timerStory(timer));
        if (!outcome.matched) return TimerResult.skipped(outcome.skippedReason);
        return TimerResult.fired("ran " + outcome.actions.stream().map(a -> a.get("action_name") + ": " + a.get("outcome")).toList());
    }

    private static Map<String, Object> timerStory(DueTimer timer) {
        var story = new LinkedHashMap<String, Object>();
        story.put("id", timer.id());
        story.put("episode", timer.payload().get("episode"));
        story.put("wait_minutes", timer.payload().get("wait_minutes"));
        if (timer.payload().get("business_hours") != null) story.put("business_hours", true);
        story.put("armed_at", timer.armedAt().getEpochSecond());
        story.put("armed_by", timer.armedBy());
        story.put("moves", timer.moves());
        if (timer.movedBy() != null) story.put("last_moved_by", timer.movedBy());
        story.put("due_at", timer.dueAt().getEpochSecond());
        return story;
    }

    private List<RuleOutcome> evaluate(List<CompiledRule> active, Snapshot snapshot) {
        List<RuleOutcome> outcomes = new ArrayList<>(active.size());
        String stoppedBy = null;
        for (CompiledRule rule : active) {
            if (stoppedBy != null) {
                outcomes.add(RuleOutcome.skipped(rule, "skipped: rule \"" + stoppedBy + "\" matched first and stops processing"));
                continue;
            }
            RuleOutcome outcome = RuleOutcome.evaluated(rule, RuleEvaluator.evaluate(rule.conditions(), snapshot));
            outcomes.add(outcome);
            if (outcome.matched && rule.view().stopProcessing()) stoppedBy = rule.view().name();
        }
        return outcomes;
    }

    /** Claims the event and runs the matched rules' actions; false (nothing done) when the rules changed since they were evaluated. */
    private boolean act(Pending pending, TriggeringEvent event) {
        Claim claim = executions.claim(pending.run(), pending.rulesVersion());
        if (claim == Claim.RULES_CHANGED) {
            rules.forget(event.accountId(), pending.rulesVersion());
            return false;
        }
        if (claim == Claim.ALREADY_CLAIMED) return true; // a redelivery: this event's rules already ran
        List<RuleOutcome> outcomes = pending.outcomes();
        Snapshot atEvent = pending.snapshot();
        Present present = new Present(atEvent, event.conversationId(), outcomes.stream().anyMatch(o -> o.rule.readsContact()));
        for (RuleOutcome outcome : outcomes) {
            if (outcome.invalid()) recordInvalid(outcome);
            if (!outcome.matched) continue;
            if (!outcome.rule.actions().isEmpty() && changesConversation(outcome.rule.actions().get(0))) present.lock();
            if (stale(outcome, event, present.now())) continue;
            Actor actor = Actor.rule(outcome.rule.id(), outcome.rule.view().name(), event.causedBy().depth() + 1);
            for (RuleAction action : outcome.rule.actions()) {
                if (changesConversation(action) && present.lock() && stale(outcome, event, present.now())) break;
                outcome.actions.add(runAction(action, event, actor));
            }
        }
        executions.complete(event.eventId(), outcomes.stream().map(RuleOutcome::entry).toList());
        return true;
    }

    /** Actions that change no conversation (mail, webhook): they need the present checked, not locked. */
    private static final Set<String> LEAVE_CONVERSATION_AS_IS = Set.of("send_email_to_team", "send_email_transcript", "send_webhook_event");

    private static boolean changesConversation(RuleAction action) {
        return !LEAVE_CONVERSATION_AS_IS.contains(action.name());
    }

    private boolean stale(RuleOutcome outcome, TriggeringEvent event, Snapshot present) {
        String changed = PresentCheck.whatChanged(event.eventName(), outcome.rule.conditions(), outcome.evaluation, present);
        if (changed == null) return false;
        outcome.skip((outcome.actions.isEmpty() ? "skipped" : "skipped the remaining actions") + ": conversation changed since the event: "
                + changed);
        return true;
    }

    /**
     * The conversation as it is now: read when the first matched rule is checked, and read again under the
     * row lock (held to the end of the run) before the first action that changes it, so that no one can
     * change it between the check and the action. Once locked it is not read again: what the run's own
     * actions change is not a reason to skip the next rule.
     */
    private final class Present {
        private final Snapshot atEvent;
        private final long conversationId;
        private final boolean withContact;
        private Snapshot now;
        private boolean locked;

        Present(Snapshot atEvent, long conversationId, boolean withContact) {
            this.atEvent = atEvent;
            this.conversationId = conversationId;
            this.withContact = withContact;
        }

        Snapshot now() {
            if (now == null) now = snapshots.refreshed(atEvent, conversations.findById(conversationId).orElseThrow(), withContact);
            return now;
        }

        /** Locks the conversation if not yet locked; true when it just did (and the present must be checked again). */
        boolean lock() {
            if (locked) return false;
            now = snapshots.refreshed(atEvent, conversationCommands.lockForChange(conversationId), withContact);
            locked = true;
            return true;
        }
    }

    private void recordInvalid(RuleOutcome outcome) {
        int count = ruleStore.recordRuntimeError(outcome.rule.view().accountId(), outcome.rule.id(), outcome.evaluation.invalid());
        outcome.skip("skipped: conditions are invalid (" + outcome.evaluation.invalid() + ")"
                + (count >= 2 ? "; the rule has been switched off" : "; it will be switched off if this happens again"));
    }

    private Map<String, Object> runAction(RuleAction action, TriggeringEvent event, Actor actor) {
        var outcome = new LinkedHashMap<String, Object>();
        outcome.put("action_name", action.name());
        outcome.put("action_params", action.params());
        try {
            outcome.put("outcome", savepoint.execute(tx -> {
                // re-read before each action, so each acts on what the previous one left
                ConversationView current = conversations.findById(event.conversationId()).orElseThrow();
                return actions.run(action, current, event.eventName(), actor);
            }));
        } catch (RuntimeException e) {
            log.warn("Automation action {} of rule {} failed: {}", action.name(), actor.id(), e.getMessage());
            outcome.put("outcome", "failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return outcome;
    }
}
