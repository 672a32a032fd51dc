package dev.parley.automation;

import dev.parley.automation.application.DryRun;
import dev.parley.automation.application.RuleTimers;
import dev.parley.automation.domain.RuleDelays;
import dev.parley.automation.domain.TimeCondition;
import dev.parley.automation.application.SnapshotLoader;
import dev.parley.automation.domain.LiquidSandbox;
import dev.parley.automation.domain.MessageTemplates;
import dev.parley.automation.domain.RuleDefinition;
import dev.parley.automation.persistence.ExecutionRepository;
import dev.parley.automation.persistence.RuleRepository;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import dev.parley.shared.timers.Timers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rules of an account: create, change (Chatwoot's partial update), clone, delete; and their explain log. */
@Service
@Transactional
public class AutomationRules {

    private final RuleRepository rules;
    private final ExecutionRepository executions;
    private final SnapshotLoader snapshots;
    private final DryRun dryRun;
    private final RuleTimers ruleTimers;
    private final Timers timers;
    private final LiquidSandbox sandbox = new LiquidSandbox();

    public AutomationRules(RuleRepository rules, ExecutionRepository executions, SnapshotLoader snapshots, DryRun dryRun,
                           RuleTimers ruleTimers, Timers timers) {
        this.ruleTimers = ruleTimers;
        this.timers = timers;
        this.rules = rules;
        this.executions = executions;
        this.snapshots = snapshots;
        this.dryRun = dryRun;
    }

    /** Tries a rule on conversations without changing or logging anything: would it match, why, and what it would do. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> dryRun(String eventName, List<Map<String, Object>> conditions, List<Map<String, Object>> actions,
                                            List<dev.parley.conversation.ConversationView> targets) {
        return dryRun.run(eventName, conditions, actions, targets);
    }

    /**
     * What a client may set; null fields are left as they are on update. {@code executionDelay} null leaves the delay
     * as it is; a {@link Delay} holding null clears it.
     */
    public record RuleInput(String name, String description, String eventName, List<Map<String, Object>> conditions,
                            List<Map<String, Object>> actions, Boolean active, Integer position, Boolean stopProcessing, Delay executionDelay) {

        public RuleInput(String name, String description, String eventName, List<Map<String, Object>> conditions,
                         List<Map<String, Object>> actions, Boolean active, Integer position, Boolean stopProcessing) {
            this(name, description, eventName, conditions, actions, active, position, stopProcessing, null);
        }
    }

    /** Chatwoot's {@code execution_delay} as the client sent it (minutes; null runs the rule at once). */
    public record Delay(Object minutes) {
    }

    public AutomationRuleView create(long accountId, RuleInput in) {
        var errors = new Errors().requireText("name", in.name()).requireText("event_name", in.eventName());
        if (in.conditions() == null) errors.add("conditions", "can't be blank");
        if (in.actions() == null || in.actions().isEmpty()) errors.add("actions", "can't be blank");
        errors.throwIfAny();
        Integer delay = in.executionDelay() == null ? null : RuleDelays.minutes(in.executionDelay().minutes());
        check(accountId, in.eventName(), in.conditions(), in.actions(), delay);
        return rules.insert(new AutomationRuleView(0, accountId, in.name().trim(), in.description(), in.eventName(), in.conditions(),
                in.actions(), in.active() == null || in.active(), in.position(), Boolean.TRUE.equals(in.stopProcessing()), 0, null, null, null,
                delay));
    }

    public AutomationRuleView update(long accountId, long id, RuleInput in) {
        AutomationRuleView c = get(accountId, id);
        if (in.name() != null && in.name().isBlank()) throw InvalidInput.of("name", "can't be blank");
        if (in.actions() != null && in.actions().isEmpty()) throw InvalidInput.of("actions", "can't be blank");
        String event = in.eventName() != null ? in.eventName() : c.eventName();
        var conditions = in.conditions() != null ? in.conditions() : c.conditions();
        var actions = in.actions() != null ? in.actions() : c.actions();
        Integer delay = in.executionDelay() == null ? c.executionDelay() : RuleDelays.minutes(in.executionDelay().minutes());
        check(accountId, event, conditions, actions, delay);
        boolean conditionsChanged = in.conditions() != null && !Objects.equals(in.conditions(), c.conditions());
        boolean reactivated = Boolean.TRUE.equals(in.active()) && !c.active();
        boolean reset = conditionsChanged || reactivated;
        rules.update(new AutomationRuleView(id, accountId, in.name() != null ? in.name().trim() : c.name(),
                in.description() != null ? in.description() : c.description(), event, conditions, actions,
                in.active() != null ? in.active() : c.active(), in.position() != null ? in.position() : c.position(),
                in.stopProcessing() != null ? in.stopProcessing() : c.stopProcessing(), reset ? 0 : c.runtimeErrorCount(),
                reset ? null : c.disabledReason(), c.createdAt(), c.updatedAt(), delay));
        AutomationRuleView after = get(accountId, id);
        if (c.delayed() && changesWhatIsArmed(c, after)) ruleTimers.dropArmed(id, "the rule was edited");
        return after;
    }

    public AutomationRuleView duplicate(long accountId, long id) {
        AutomationRuleView c = get(accountId, id);
        return rules.insert(new AutomationRuleView(0, accountId, c.name(), c.description(), c.eventName(), c.conditions(), c.actions(),
                c.active(), c.position(), c.stopProcessing(), 0, null, null, null, c.executionDelay()));
    }

    public void delete(long accountId, long id) {
        if (get(accountId, id).delayed()) ruleTimers.dropArmed(id, "the rule was deleted");
        rules.delete(id);
    }

    @Transactional(readOnly = true)
    public AutomationRuleView get(long accountId, long id) {
        return rules.find(accountId, id).orElseThrow(() -> new ResourceNotFound("Automation rule"));
    }

    @Transactional(readOnly = true)
    public List<AutomationRuleView> all(long accountId) {
        return rules.all(accountId);
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> executions(long accountId, long ruleId, int limit) {
        get(accountId, ruleId);
        return executions.ofRule(ruleId, limit);
    }

    /** What the rule list shows per rule: when it last ran and how many times it matched in the last 7 days. */
    public record RuleActivity(long lastRunAt, long matchesLast7Days) {
    }

    @Transactional(readOnly = true)
    public Map<Long, RuleActivity> activity(long accountId, java.time.Instant now) {
        var activity = new java.util.HashMap<Long, RuleActivity>();
        executions.activity(accountId, now.minus(java.time.Duration.ofDays(7)))
                .forEach((rule, values) -> activity.put(rule, new RuleActivity(values[0], values[1])));
        return activity;
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> conversationLog(long conversationId, int limit) {
        return executions.ofConversation(conversationId, limit);
    }

    /**
     * The conversation's rule timers for the explain log: pending ones first (soonest due first), each with its rule,
     * episode, due time, what armed and moved it, and for ended ones how they ended and by what.
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> conversationTimers(long accountId, long conversationId, int limit) {
        Map<Long, String> names = new java.util.HashMap<>();
        rules.all(accountId).forEach(r -> names.put(r.id(), r.name()));
        return timers.ofConversation(conversationId, RuleTimers.KIND, limit).stream().map(t -> {
            var json = new LinkedHashMap<String, Object>();
            long ruleId = ((Number) t.payload().get("rule_id")).longValue();
            json.put("id", t.id());
            json.put("rule_id", ruleId);
            json.put("rule_name", names.getOrDefault(ruleId, "a deleted rule"));
            json.put("episode", t.payload().get("episode"));
            json.put("wait_minutes", t.payload().get("wait_minutes"));
            json.put("business_hours", Boolean.TRUE.equals(t.payload().get("business_hours")));
            json.put("state", t.state());
            json.put("pending", t.pending());
            json.put("due_at", t.dueAt().getEpochSecond());
            json.put("armed_at", t.armedAt().getEpochSecond());
            json.put("armed_by", t.armedBy());
            json.put("moves", t.moves());
            json.put("moved_by", t.movedBy());
            json.put("ended_at", t.endedAt() == null ? null : t.endedAt().getEpochSecond());
            json.put("ended_by", "timer".equals(t.endedBy()) ? null : t.endedBy());
            json.put("outcome", t.outcome());
            return (Map<String, Object>) json;
        }).toList();
    }

    /** Throws Chatwoot's 422 naming every unknown attribute, operator, action, bad query operator and refused template. */
    public void check(long accountId, String eventName, List<Map<String, Object>> conditions, List<Map<String, Object>> actions) {
        check(accountId, eventName, conditions, actions, null);
    }

    private void check(long accountId, String eventName, List<Map<String, Object>> conditions, List<Map<String, Object>> actions,
                       Integer delay) {
        Map<String, List<String>> errors = new LinkedHashMap<>(RuleDefinition.check(eventName, conditions, actions,
                snapshots.customTypes(accountId)));
        if (delay != null) RuleDelays.check(eventName, conditions).forEach(e -> errors.computeIfAbsent("execution_delay",
                k -> new java.util.ArrayList<>()).add(e));
        var parsed = RuleDefinition.conditions(conditions);
        TimeCondition.problems(parsed, delay != null).forEach(e -> errors.computeIfAbsent("conditions", k -> new java.util.ArrayList<>()).add(e));
        if (TimeCondition.of(parsed) != null) RuleDelays.check(eventName, List.of()).forEach(e -> errors.computeIfAbsent("event_name",
                k -> new java.util.ArrayList<>()).add("with a time condition " + e));
        List<String> templates = MessageTemplates.problems(actions, sandbox);
        if (!templates.isEmpty()) errors.computeIfAbsent("actions", k -> new java.util.ArrayList<>()).addAll(templates);
        if (!errors.isEmpty()) throw new InvalidInput(errors);
    }

    /** Whether an edit changes what the rule's armed timers were armed for (its event, conditions, actions, delay or being on). */
    private static boolean changesWhatIsArmed(AutomationRuleView before, AutomationRuleView after) {
        return !after.active() || !Objects.equals(before.eventName(), after.eventName()) || !Objects.equals(before.conditions(), after.conditions())
                || !Objects.equals(before.actions(), after.actions()) || !Objects.equals(before.executionDelay(), after.executionDelay());
    }
}
