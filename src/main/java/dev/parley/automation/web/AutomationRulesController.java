package dev.parley.automation.web;

import dev.parley.account.Membership;
import dev.parley.automation.AutomationRuleView;
import dev.parley.automation.AutomationRules;
import dev.parley.automation.AutomationRules.RuleInput;
import dev.parley.automation.application.DryRun;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.shared.AdministratorOnly;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chatwoot's automation rules API (administrators only), with Parley's executions log and dry run. */
@RestController
class AutomationRulesController {

    private static final int MAX_DRY_RUN = 500;

    private final AutomationRules rules;
    private final DryRun dryRun;
    private final ConversationQueries conversations;

    AutomationRulesController(AutomationRules rules, DryRun dryRun, ConversationQueries conversations) {
        this.rules = rules;
        this.dryRun = dryRun;
        this.conversations = conversations;
    }

    /** {@code executionDelay} is read as a node: absent leaves the delay as it is, null clears it. */
    record RuleRequest(String name, String description, String eventName, List<Map<String, Object>> conditions,
                       List<Map<String, Object>> actions, Boolean active, Integer position, Boolean stopProcessing, JsonNode executionDelay) {
        RuleInput input() {
            return new RuleInput(name, description, eventName, conditions, actions, active, position, stopProcessing, delay());
        }

        private AutomationRules.Delay delay() {
            if (executionDelay == null || executionDelay.isMissingNode()) return null;
            if (executionDelay.isNull()) return new AutomationRules.Delay(null);
            if (executionDelay.isNumber()) return new AutomationRules.Delay(executionDelay.numberValue());
            return new AutomationRules.Delay(executionDelay.isValueNode() ? executionDelay.asString() : executionDelay.toString());
        }
    }

    record DryRunRequest(Long ruleId, RuleRequest rule, List<Long> conversationIds, Integer last) {
    }

    @GetMapping("/api/v1/accounts/{accountId}/automation_rules")
    @AdministratorOnly
    Map<String, Object> index(Membership me) {
        return Map.of("payload", rules.all(me.accountId()).stream().map(AutomationRulesController::json).toList());
    }

    @GetMapping("/api/v1/accounts/{accountId}/automation_rules/{id}")
    @AdministratorOnly
    Map<String, Object> show(Membership me, @PathVariable long id) {
        return Map.of("payload", json(rules.get(me.accountId(), id)));
    }

    @PostMapping("/api/v1/accounts/{accountId}/automation_rules")
    @AdministratorOnly
    AutomationRuleJson create(Membership me, @RequestBody RuleRequest body) {
        return json(rules.create(me.accountId(), body.input()));
    }

    @PatchMapping("/api/v1/accounts/{accountId}/automation_rules/{id}")
    @AdministratorOnly
    Map<String, Object> update(Membership me, @PathVariable long id, @RequestBody RuleRequest body) {
        return Map.of("payload", json(rules.update(me.accountId(), id, body.input())));
    }

    @PutMapping("/api/v1/accounts/{accountId}/automation_rules/{id}")
    @AdministratorOnly
    Map<String, Object> replace(Membership me, @PathVariable long id, @RequestBody RuleRequest body) {
        return update(me, id, body);
    }

    @DeleteMapping("/api/v1/accounts/{accountId}/automation_rules/{id}")
    @AdministratorOnly
    Map<String, Object> delete(Membership me, @PathVariable long id) {
        rules.delete(me.accountId(), id);
        return Map.of();
    }

    @PostMapping("/api/v1/accounts/{accountId}/automation_rules/{id}/clone")
    @AdministratorOnly
    Map<String, Object> duplicate(Membership me, @PathVariable long id) {
        return Map.of("payload", json(rules.duplicate(me.accountId(), id)));
    }

    @GetMapping("/api/v1/accounts/{accountId}/automation_rules/{id}/executions")
    @AdministratorOnly
    Map<String, Object> executions(Membership me, @PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
        return Map.of("payload", rules.executions(me.accountId(), id, Math.min(Math.max(limit, 1), 1000)));
    }

    @PostMapping("/api/v1/accounts/{accountId}/automation_rules/dry_run")
    @AdministratorOnly
    Map<String, Object> dryRun(Membership me, @RequestBody DryRunRequest body) {
        String event;
        List<Map<String, Object>> conditions;
        List<Map<String, Object>> actions;
        if (body.ruleId() != null) {
            AutomationRuleView saved = rules.get(me.accountId(), body.ruleId());
            event = saved.eventName();
            conditions = saved.conditions();
            actions = saved.actions();
        } else if (body.rule() != null) {
            var errors = new Errors().requireText("event_name", body.rule().eventName());
            if (body.rule().conditions() == null) errors.add("conditions", "can't be blank");
            errors.throwIfAny();
            event = body.rule().eventName();
            conditions = body.rule().conditions();
            actions = body.rule().actions() == null ? List.of() : body.rule().actions();
            rules.check(me.accountId(), event, conditions, actions);
        } else {
            throw InvalidInput.of("rule", "give rule_id or a rule");
        }
        return Map.of("payload", dryRun.run(event, conditions, actions, targets(me, body)));
    }

    @GetMapping("/api/v1/accounts/{accountId}/conversations/{displayId}/automation_log")
    Map<String, Object> conversationLog(Membership me, @PathVariable long displayId, @RequestParam(defaultValue = "100") int limit) {
        ConversationView c = conversations.visible(me, displayId);
        return Map.of("payload", rules.conversationLog(c.id(), Math.min(Math.max(limit, 1), 1000)));
    }

    /** The conversation's rule timers: pending (with due time) and ended (fired, skipped, cancelled and by what). */
    @GetMapping("/api/v1/accounts/{accountId}/conversations/{displayId}/automation_timers")
    Map<String, Object> conversationTimers(Membership me, @PathVariable long displayId, @RequestParam(defaultValue = "50") int limit) {
        ConversationView c = conversations.visible(me, displayId);
        return Map.of("payload", rules.conversationTimers(me.accountId(), c.id(), Math.min(Math.max(limit, 1), 500)));
    }

    private List<ConversationView> targets(Membership me, DryRunRequest body) {
        if (body.conversationIds() != null && !body.conversationIds().isEmpty()) {
            if (body.conversationIds().size() > MAX_DRY_RUN) throw InvalidInput.of("conversation_ids", "at most " + MAX_DRY_RUN);
            List<ConversationView> found = new ArrayList<>();
            List<Long> missing = new ArrayList<>();
            for (Long id : body.conversationIds()) {
                if (id == null) continue;
                conversations.find(me.accountId(), id).ifPresentOrElse(found::add, () -> missing.add(id));
            }
            if (!missing.isEmpty()) throw InvalidInput.of("conversation_ids", "not found: " + missing);
            return found;
        }
        if (body.last() == null || body.last() < 1 || body.last() > MAX_DRY_RUN) {
            throw InvalidInput.of("last", "give conversation_ids or last (1 to " + MAX_DRY_RUN + ")");
        }
        return conversations.latest(me.accountId(), body.last());
    }

    /** Chatwoot's automation rule JSON ({@code created_on} in unix seconds). */
    record AutomationRuleJson(long id, long accountId, String name, String description, String eventName,
                              List<Map<String, Object>> conditions, List<Map<String, Object>> actions, long createdOn, boolean active,
                              Integer position, boolean stopProcessing, String disabledReason, Integer executionDelay) {
    }

    static AutomationRuleJson json(AutomationRuleView r) {
        return new AutomationRuleJson(r.id(), r.accountId(), r.name(), r.description(), r.eventName(), r.conditions(), r.actions(),
                r.createdAt().getEpochSecond(), r.active(), r.position(), r.stopProcessing(), r.disabledReason(), r.executionDelay());
    }
}
