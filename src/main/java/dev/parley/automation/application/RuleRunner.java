package dev.parley.automation.application;

import dev.parley.automation.AutomationRuleView;
import dev.parley.automation.domain.ConditionResult;
import dev.parley.automation.domain.Evaluation;
import dev.parley.automation.domain.RuleAction;
import dev.parley.automation.domain.RuleDefinition;
import dev.parley.automation.domain.RuleEvaluator;
import dev.parley.automation.domain.Snapshot;
import dev.parley.automation.persistence.ExecutionRepository;
import dev.parley.automation.persistence.RuleRepository;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.shared.Actor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs the active rules of one event: in order (position, then id), each claimed once per event,
 * evaluated against the one snapshot, its actions run one by one (a failing action is logged and the
 * next still runs), everything written to the explain log. A rule with {@code stop_processing} that
 * matched ends the run. Events caused by a rule run nothing, and the log says so.
 */
@Service
public class RuleRunner {

    private static final Logger log = LoggerFactory.getLogger(RuleRunner.class);

    private final RuleRepository rules;
    private final ExecutionRepository executions;
    private final SnapshotLoader snapshots;
    private final ActionExecutor actions;
    private final ConversationQueries conversations;
    private final Clock clock;

    RuleRunner(RuleRepository rules, ExecutionRepository executions, SnapshotLoader snapshots, ActionExecutor actions,
               ConversationQueries conversations, Clock clock) {
        this.rules = rules;
        this.executions = executions;
        this.snapshots = snapshots;
        this.actions = actions;
        this.conversations = conversations;
        this.clock = clock;
    }

    public void run(TriggeringEvent event) {
        List<AutomationRuleView> active = rules.activeFor(event.accountId(), event.eventName());
        if (active.isEmpty()) return;
        if (event.causedBy().isAutomation()) {
            String why = "skipped: the event was caused by automation (rule: " + event.causedBy().name() + "), which never triggers rules";
            active.forEach(rule -> logSkip(rule, event, why));
            return;
        }
        Optional<Snapshot> snapshot = snapshots.load(event.conversationId(), event.changes(), event.messageId());
        if (snapshot.isEmpty()) return;
        String stoppedBy = null;
        for (AutomationRuleView rule : active) {
            if (stoppedBy != null) {
                logSkip(rule, event, "skipped: rule \"" + stoppedBy + "\" matched first and stops processing");
                continue;
            }
            if (runOne(rule, event, snapshot.get()) && rule.stopProcessing()) stoppedBy = rule.name();
        }
    }

    /** Returns whether the rule matched (and so acted). */
    private boolean runOne(AutomationRuleView rule, TriggeringEvent event, Snapshot snapshot) {
        if (!executions.claim(event.accountId(), rule.id(), event.eventId(), event.eventName(), event.conversationId(), event.displayId(),
                clock.instant())) {
            return false; // this rule already ran for this event (redelivery)
        }
        Evaluation evaluation = RuleEvaluator.evaluate(RuleDefinition.conditions(rule.conditions()), snapshot);
        if (evaluation.invalid() != null) {
            int count = rules.recordRuntimeError(rule.id(), evaluation.invalid());
            String why = "skipped: conditions are invalid (" + evaluation.invalid() + ")"
                    + (count >= 2 ? "; the rule has been switched off" : "; it will be switched off if this happens again");
            executions.complete(rule.id(), event.eventId(), false, why, describe(evaluation.conditions()), List.of());
            return false;
        }
        List<Map<String, Object>> outcomes = new ArrayList<>();
        if (evaluation.matched()) {
            Actor actor = Actor.rule(rule.id(), rule.name(), event.causedBy().depth() + 1);
            for (RuleAction action : RuleDefinition.actions(rule.actions())) outcomes.add(runAction(action, event, actor));
        }
        executions.complete(rule.id(), event.eventId(), evaluation.matched(), null, describe(evaluation.conditions()), outcomes);
        return evaluation.matched();
    }

    private Map<String, Object> runAction(RuleAction action, TriggeringEvent event, Actor actor) {
        var outcome = new LinkedHashMap<String, Object>();
        outcome.put("action_name", action.name());
        outcome.put("action_params", action.params());
        try {
            // re-read before each action, so each acts on what the previous one left
            ConversationView current = conversations.findById(event.conversationId()).orElseThrow();
            outcome.put("outcome", actions.run(action, current, event.eventName(), actor));
        } catch (RuntimeException e) {
            log.warn("Automation action {} of rule {} failed: {}", action.name(), actor.id(), e.getMessage());
            outcome.put("outcome", "failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return outcome;
    }

    private void logSkip(AutomationRuleView rule, TriggeringEvent event, String why) {
        if (executions.claim(event.accountId(), rule.id(), event.eventId(), event.eventName(), event.conversationId(), event.displayId(),
                clock.instant())) {
            executions.complete(rule.id(), event.eventId(), false, why, List.of(), List.of());
        }
    }

    static List<Map<String, Object>> describe(List<ConditionResult> results) {
        List<Map<String, Object>> described = new ArrayList<>();
        for (ConditionResult r : results) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("attribute_key", r.attributeKey());
            entry.put("filter_operator", r.operator());
            entry.put("values", r.expected());
            entry.put("seen", r.seen());
            entry.put("result", r.result());
            if (r.note() != null) entry.put("note", r.note());
            described.add(entry);
        }
        return described;
    }
}
