package dev.parley.web.dashboard;

import dev.parley.account.AccountQueries;
import dev.parley.account.Membership;
import dev.parley.account.Teams;
import dev.parley.automation.AutomationRuleView;
import dev.parley.automation.AutomationRules;
import dev.parley.automation.AutomationRules.RuleInput;
import dev.parley.conversation.ConversationQueries;
import dev.parley.inbox.InboxQueries;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.NotAuthorized;
import dev.parley.web.DashboardUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Automation for administrators: the ordered rule list, the builder, its runs and "test on recent conversations". */
@Controller
class AutomationPagesController {

    static final List<String> EVENTS = List.of("conversation_created", "conversation_updated", "conversation_opened", "conversation_resolved",
            "message_created", "sla_breached");
    static final List<String> ATTRIBUTES = List.of("status", "assignee_id", "team_id", "inbox_id", "priority", "labels", "content",
            "message_type", "private_note", "email", "phone_number", "country_code", "city", "company", "browser_language", "conversation_language", "referer",
            "mail_subject", "no_agent_reply_for", "no_customer_reply_for", "open_for", "pending_for", "snoozed_for", "waiting_for_assignee_for",
            "assignee_not_replied_for");
    static final List<String> OPERATORS = List.of("equal_to", "not_equal_to", "contains", "does_not_contain", "starts_with", "is_present",
            "is_not_present", "is_greater_than", "is_less_than", "attribute_changed");
    static final List<String> ACTIONS = List.of("assign_agent", "assign_team", "add_label", "remove_label", "send_message", "add_private_note",
            "change_status", "change_priority", "resolve_conversation", "open_conversation", "pending_conversation", "snooze_conversation",
            "mute_conversation", "send_webhook_event", "send_email_transcript", "assign_another_online_agent", "add_sla");

    private final DashboardContext context;
    private final AutomationRules rules;
    private final ConversationQueries conversations;
    private final AccountQueries accounts;
    private final Teams teams;
    private final InboxQueries inboxes;
    private final java.time.Clock clock;
    private final dev.parley.account.CustomAttributes customAttributes;

    AutomationPagesController(DashboardContext context, AutomationRules rules, ConversationQueries conversations,
                              AccountQueries accounts, Teams teams, InboxQueries inboxes, java.time.Clock clock,
                              dev.parley.account.CustomAttributes customAttributes) {
        this.customAttributes = customAttributes;
        this.clock = clock;
        this.context = context;
        this.rules = rules;
        this.conversations = conversations;
        this.accounts = accounts;
        this.teams = teams;
        this.inboxes = inboxes;
    }

    @GetMapping("/app/accounts/{accountId}/automation")
    String list(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, Model model) {
        Membership me = context.administrator(user, accountId);
        model.addAttribute("me", me);
        model.addAttribute("accountId", accountId);
        model.addAttribute("rules", rules.all(accountId));
        model.addAttribute("activity", rules.activity(accountId, clock.instant()));
        return "app/automation-list";
    }

    @GetMapping("/app/accounts/{accountId}/automation/new")
    String create(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, Model model) {
        return builder(context.administrator(user, accountId), accountId, null, RuleForm.empty(), Map.of(), model);
    }

    @GetMapping("/app/accounts/{accountId}/automation/{ruleId}")
    String edit(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long ruleId, Model model) {
        Membership me = context.administrator(user, accountId);
        AutomationRuleView r = rules.get(accountId, ruleId);
        RuleForm form = RuleForm.fromRule(r.name(), r.description(), r.eventName(), r.active(), r.stopProcessing(), r.conditions(), r.actions(),
                r.executionDelay());
        return builder(me, accountId, r, form, Map.of(), model);
    }

    @PostMapping("/app/accounts/{accountId}/automation")
    String save(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam Map<String, String> params,
                @RequestParam(name = "rule_id", required = false) Long ruleId, Model model) {
        Membership me = context.administrator(user, accountId);
        RuleForm form = RuleForm.fromRequest(params);
        AutomationRuleView existing = ruleId == null ? null : rules.get(accountId, ruleId);
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) return builder(me, accountId, existing, form, errors, model);
        RuleInput input = new RuleInput(form.name, form.description, form.eventName, form.conditionsJson(), form.actionsJson(), form.active,
                null, form.stopProcessing, new AutomationRules.Delay(form.executionDelay.isBlank() ? null : form.executionDelay.trim()));
        try {
            AutomationRuleView saved = existing == null ? rules.create(accountId, input) : rules.update(accountId, existing.id(), input);
            return "redirect:/app/accounts/" + accountId + "/automation/" + saved.id() + "?saved";
        } catch (InvalidInput e) {
            Map<String, String> serverErrors = new LinkedHashMap<>();
            e.errors().forEach((field, messages) -> serverErrors.put("rule-" + field.replace('_', '-'), String.join(" ", messages)));
            return builder(me, accountId, existing, form, serverErrors, model);
        }
    }

    /** The builder's summary and trap warnings for the form as it is being filled in, before anything is saved. */
    @PostMapping("/app/accounts/{accountId}/automation/preview")
    String preview(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam Map<String, String> params, Model model) {
        context.administrator(user, accountId);
        model.addAttribute("accountId", accountId);
        model.addAttribute("form", RuleForm.fromRequest(params));
        return "app/automation-rule :: preview";
    }

    @PostMapping("/app/accounts/{accountId}/automation/{ruleId}/dry-run")
    String test(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long ruleId, Model model) {
        Membership me = context.administrator(user, accountId);
        AutomationRuleView r = rules.get(accountId, ruleId);
        model.addAttribute("dryRun", rules.dryRun(r.eventName(), r.conditions(), r.actions(), conversations.latest(accountId, 20)));
        RuleForm form = RuleForm.fromRule(r.name(), r.description(), r.eventName(), r.active(), r.stopProcessing(), r.conditions(), r.actions(),
                r.executionDelay());
        return builder(me, accountId, r, form, Map.of(), model);
    }

    @PostMapping("/app/accounts/{accountId}/automation/{ruleId}/move")
    String move(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long ruleId,
                @RequestParam String direction) {
        context.administrator(user, accountId);
        List<AutomationRuleView> ordered = new ArrayList<>(rules.all(accountId));
        int index = ordered.indexOf(ordered.stream().filter(r -> r.id() == ruleId).findFirst().orElseThrow());
        int target = "up".equals(direction) ? index - 1 : index + 1;
        if (target >= 0 && target < ordered.size()) {
            ordered.add(target, ordered.remove(index));
            for (int i = 0; i < ordered.size(); i++) {
                rules.update(accountId, ordered.get(i).id(), new RuleInput(null, null, null, null, null, null, i + 1, null));
            }
        }
        return "redirect:/app/accounts/" + accountId + "/automation";
    }

    @PostMapping("/app/accounts/{accountId}/automation/{ruleId}/clone")
    String duplicate(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long ruleId) {
        context.administrator(user, accountId);
        rules.duplicate(accountId, ruleId);
        return "redirect:/app/accounts/" + accountId + "/automation";
    }

    @PostMapping("/app/accounts/{accountId}/automation/{ruleId}/delete")
    String delete(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long ruleId) {
        context.administrator(user, accountId);
        rules.delete(accountId, ruleId);
        return "redirect:/app/accounts/" + accountId + "/automation";
    }

    @PostMapping("/app/accounts/{accountId}/automation/{ruleId}/toggle")
    String toggle(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long ruleId,
                  @RequestParam String field) {
        context.administrator(user, accountId);
        AutomationRuleView r = rules.get(accountId, ruleId);
        RuleInput input = "stop_processing".equals(field)
                ? new RuleInput(null, null, null, null, null, null, null, !r.stopProcessing())
                : new RuleInput(null, null, null, null, null, !r.active(), null, null);
        rules.update(accountId, ruleId, input);
        return "redirect:/app/accounts/" + accountId + "/automation";
    }

    @GetMapping("/app/accounts/{accountId}/automation/input")
    String input(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam String kind, @RequestParam int row,
                 @RequestParam Map<String, String> params, Model model) {
        context.administrator(user, accountId);
        String key = params.getOrDefault(("condition".equals(kind) ? "condition_attribute_" : "action_name_") + row, "");
        boolean changeCondition = "attribute_changed".equals(params.get("condition_operator_" + row));
        model.addAttribute("field", field(accountId, kind, row, changeCondition ? "" : key, ""));
        return "app/automation-field :: fromModel";
    }

    /** One value input, fitted to the attribute or action: a select when the choices are known, otherwise text. */
    record Field(String name, String id, String value, List<Map.Entry<String, String>> options, boolean hidden) {
    }

    Field field(long accountId, String kind, int row, String key, String value) {
        String name = ("condition".equals(kind) ? "condition_value_" : "action_value_") + row;
        String id = ("condition".equals(kind) ? "condition-value-" : "action-value-") + row;
        List<Map.Entry<String, String>> options = switch (key == null ? "" : key) {
            case "status", "change_status" -> entries("open", "Open", "resolved", "Resolved", "pending", "Pending", "snoozed", "Snoozed");
            case "priority", "change_priority" -> entries("nil", "None", "low", "Low", "medium", "Medium", "high", "High", "urgent", "Urgent");
            case "message_type" -> entries("incoming", "Incoming", "outgoing", "Outgoing");
            case "private_note" -> entries("true", "Yes", "false", "No");
            case "assignee_id", "assign_agent" -> {
                List<Map.Entry<String, String>> agents = new ArrayList<>();
                if ("assign_agent".equals(key)) agents.add(Map.entry("nil", "None"));
                accounts.agents(accountId).forEach(a -> agents.add(Map.entry(String.valueOf(a.id()), a.availableName())));
                yield agents;
            }
            case "team_id", "assign_team" -> {
                List<Map.Entry<String, String>> list = new ArrayList<>();
                if ("assign_team".equals(key)) list.add(Map.entry("nil", "None"));
                teams.all(accountId).forEach(t -> list.add(Map.entry(String.valueOf(t.id()), t.name())));
                yield list;
            }
            case "inbox_id" -> inboxes.visibleTo(accountsAdmin(accountId)).stream()
                    .map(i -> Map.entry(String.valueOf(i.id()), i.name())).toList();
            default -> null;
        };
        return new Field(name, id, value, options, RuleForm.NO_PARAM.contains(key));
    }

    private Membership accountsAdmin(long accountId) {
        return new Membership(accountId, 0, "", "", dev.parley.account.Role.ADMINISTRATOR);
    }

    private String builder(Membership me, long accountId, AutomationRuleView rule, RuleForm form, Map<String, String> errors, Model model) {
        List<Field> conditionFields = new ArrayList<>();
        for (int i = 0; i < form.conditions.size(); i++) {
            var row = form.conditions.get(i);
            String key = "attribute_changed".equals(row.operator()) ? "" : row.attribute(); // "from -> to" is typed
            conditionFields.add(field(accountId, "condition", i, key, row.value()));
        }
        List<Field> actionFields = new ArrayList<>();
        for (int i = 0; i < form.actions.size(); i++) actionFields.add(field(accountId, "action", i, form.actions.get(i).action(), form.actions.get(i).value()));
        model.addAttribute("me", me);
        model.addAttribute("accountId", accountId);
        model.addAttribute("rule", rule);
        model.addAttribute("form", form);
        model.addAttribute("conditionFields", conditionFields);
        model.addAttribute("actionFields", actionFields);
        model.addAttribute("errors", errors);
        model.addAttribute("events", EVENTS);
        model.addAttribute("attributes", ATTRIBUTES);
        model.addAttribute("customAttributes", customAttributes.all(accountId, null).stream()
                .map(d -> Map.entry(d.attributeModel() + RuleForm.CUSTOM_SEPARATOR + d.attributeKey(),
                        ("contact_attribute".equals(d.attributeModel()) ? "Contact: " : "Conversation: ") + d.attributeDisplayName()))
                .toList());
        model.addAttribute("operators", OPERATORS);
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("runs", rule == null ? List.of() : rules.executions(accountId, rule.id(), 50));
        if (!model.containsAttribute("dryRun")) model.addAttribute("dryRun", null);
        return "app/automation-rule";
    }

    private static List<Map.Entry<String, String>> entries(String... pairs) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) list.add(Map.entry(pairs[i], pairs[i + 1]));
        return list;
    }
}
