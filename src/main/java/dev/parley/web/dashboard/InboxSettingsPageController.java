package dev.parley.web.dashboard;

import dev.parley.account.AccountQueries;
import dev.parley.account.Membership;
import dev.parley.assignment.AssignmentPolicies;
import dev.parley.assignment.AssignmentPolicyView;
import dev.parley.inbox.InboxManagement;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxSettings;
import dev.parley.inbox.InboxView;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.JsonIds;
import dev.parley.web.DashboardUser;
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

/**
 * An inbox's collaborators and assignment: members, auto-assignment, per-agent limit, the assignment
 * policy in use and the reopen policy, with a sentence saying what happens when a customer writes to a
 * resolved conversation under the saved settings.
 */
@Controller
class InboxSettingsPageController {

    private final DashboardContext context;
    private final InboxQueries inboxes;
    private final InboxManagement inboxManagement;
    private final AccountQueries accounts;
    private final AssignmentPolicies policies;

    InboxSettingsPageController(DashboardContext context, InboxQueries inboxes, InboxManagement inboxManagement, AccountQueries accounts,
                                AssignmentPolicies policies) {
        this.context = context;
        this.inboxes = inboxes;
        this.inboxManagement = inboxManagement;
        this.accounts = accounts;
        this.policies = policies;
    }

    @GetMapping("/app/accounts/{accountId}/inboxes/{inboxId}/settings")
    String inbox(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long inboxId, Model model) {
        Membership me = context.administrator(user, accountId);
        return page(me, inboxes.get(accountId, inboxId), null, model);
    }

    @PostMapping("/app/accounts/{accountId}/inboxes/{inboxId}/settings")
    String save(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long inboxId,
                @RequestParam(name = "members", required = false) List<Long> members,
                @RequestParam(name = "auto_assignment", defaultValue = "false") boolean autoAssignment,
                @RequestParam(name = "limit", defaultValue = "") String limit, @RequestParam(name = "reopen", defaultValue = "if_available") String reopen,
                @RequestParam(name = "policy", required = false) String policy,
                @RequestParam(name = "working_hours_enabled", defaultValue = "false") boolean workingHoursEnabled,
                @RequestParam(defaultValue = "") String timezone, @RequestParam(name = "out_of_office_message", defaultValue = "") String outOfOffice,
                @RequestParam Map<String, String> form, Model model) {
        Membership me = context.administrator(user, accountId);
        InboxView inbox = inboxes.get(accountId, inboxId);
        Map<String, Object> config = new LinkedHashMap<>(inbox.autoAssignmentConfig());
        config.put("reopen_assignee", reopen);
        if (limit.isBlank()) {
            config.remove("max_assignment_limit");
        } else if (limit.trim().matches("\\d{1,9}") && Long.parseLong(limit.trim()) > 0) {
            config.put("max_assignment_limit", Integer.parseInt(limit.trim()));
        } else {
            return page(me, inbox, "The per-agent limit must be a whole number above 0, or empty for no limit.", model);
        }
        List<Map<String, Object>> hours;
        try {
            hours = workingHours(form);
        } catch (IllegalArgumentException e) {
            return page(me, inbox, e.getMessage(), model);
        }
        try {
            inboxManagement.update(accountId, inboxId, new InboxSettings(null, null, null, autoAssignment, config, null, null, null,
                    timezone.isBlank() ? null : timezone.trim(), workingHoursEnabled, outOfOffice, hours), me.actor());
            inboxManagement.replaceMembers(accountId, inboxId, members == null ? List.of() : members, me.actor());
            if (policy != null) {
                Long policyId = JsonIds.id("policy", policy);
                if (policyId == null) {
                    if (policies.ofInbox(accountId, inboxId).isPresent()) policies.unlink(accountId, inboxId);
                } else {
                    policies.link(accountId, inboxId, policyId);
                }
            }
        } catch (InvalidInput e) {
            return page(me, inbox, e.getMessage(), model);
        }
        return "redirect:/app/accounts/" + accountId + "/inboxes/" + inboxId + "/settings?saved";
    }

    /** Sunday first, as Chatwoot numbers the days (day_of_week 0-6). */
    static final List<String> DAYS = List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday");

    /** The form's seven rows as Chatwoot's working_hours: closed, open all day (no times), or open from one time to another. */
    static List<Map<String, Object>> workingHours(Map<String, String> form) {
        List<Map<String, Object>> days = new java.util.ArrayList<>();
        for (int d = 0; d < 7; d++) {
            var day = new LinkedHashMap<String, Object>();
            day.put("day_of_week", d);
            String open = form.getOrDefault("hours_" + d + "_open", "").trim();
            String close = form.getOrDefault("hours_" + d + "_close", "").trim();
            if (form.containsKey("hours_" + d + "_closed")) {
                day.put("closed_all_day", true);
            } else if (open.isEmpty() && close.isEmpty()) {
                day.put("open_all_day", true);
            } else {
                int[] from = time(DAYS.get(d), open);
                int[] to = time(DAYS.get(d), close);
                day.put("open_hour", from[0]);
                day.put("open_minutes", from[1]);
                day.put("close_hour", to[0]);
                day.put("close_minutes", to[1]);
            }
            days.add(day);
        }
        return days;
    }

    private static int[] time(String day, String value) {
        if (!value.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            throw new IllegalArgumentException(day + ": give both times as HH:MM, or leave both empty for open all day.");
        }
        return new int[] {Integer.parseInt(value.substring(0, 2)), Integer.parseInt(value.substring(3, 5))};
    }

    /** The saved hours of one weekday for the form: closed, and the open and close times ("" when open all day). */
    record DayRow(int day, String name, boolean closed, String open, String close) {
    }

    static List<DayRow> dayRows(InboxView inbox) {
        List<DayRow> rows = new java.util.ArrayList<>();
        for (int d = 0; d < 7; d++) {
            int day = d;
            Map<String, Object> saved = inbox.workingHoursEntries().stream().filter(e -> e.get("day_of_week") instanceof Number n && n.intValue() == day)
                    .findFirst().orElse(Map.of());
            boolean closed = Boolean.TRUE.equals(saved.get("closed_all_day"));
            boolean allDay = saved.isEmpty() || Boolean.TRUE.equals(saved.get("open_all_day"));
            rows.add(new DayRow(d, DAYS.get(d), closed, closed || allDay ? "" : hhmm(saved.get("open_hour"), saved.get("open_minutes")),
                    closed || allDay ? "" : hhmm(saved.get("close_hour"), saved.get("close_minutes"))));
        }
        return rows;
    }

    private static String hhmm(Object hour, Object minutes) {
        return String.format("%02d:%02d", hour instanceof Number h ? h.intValue() : 0, minutes instanceof Number m ? m.intValue() : 0);
    }

    private String page(Membership me, InboxView inbox, String error, Model model) {
        Object limit = inbox.autoAssignmentConfig().getOrDefault("max_assignment_limit", "");
        String reopen = String.valueOf(inbox.autoAssignmentConfig().getOrDefault("reopen_assignee", "if_available"));
        AssignmentPolicyView policy = policies.ofInbox(me.accountId(), inbox.id()).orElse(null);
        model.addAttribute("me", me);
        model.addAttribute("accountId", me.accountId());
        model.addAttribute("inbox", inbox);
        model.addAttribute("agents", accounts.agents(me.accountId()));
        model.addAttribute("members", inboxes.memberIds(inbox.id()));
        model.addAttribute("limit", limit);
        model.addAttribute("reopen", reopen);
        model.addAttribute("policies", policies.all(me.accountId()));
        model.addAttribute("policy", policy);
        model.addAttribute("days", dayRows(inbox));
        model.addAttribute("explainer", explainer(inbox.enableAutoAssignment(), limit, reopen, policy));
        model.addAttribute("error", error);
        return "app/inbox-settings";
    }

    /** What happens, under the saved settings, when a customer writes to a resolved conversation. */
    static String explainer(boolean autoAssignment, Object limit, String reopen, AssignmentPolicyView policy) {
        String room = "".equals(limit) ? "" : " and has fewer than " + limit + " open";
        String routing = !autoAssignment ? "it waits in Unassigned for someone to take it (automatic assignment is off)"
                : "it goes at once to an online agent of this inbox" + ("".equals(limit) ? "" : " with fewer than " + limit + " open") + ", chosen "
                + (policy != null && "balanced".equals(policy.assignmentOrder()) ? "by the lowest load" : "in turn (round robin)")
                + "; if nobody qualifies it waits in the queue";
        return "Now: the conversation reopens, and " + switch (reopen) {
            case "keep" -> "stays with the agent who had it, even if she is offline or full.";
            case "never" -> "its agent is removed; " + routing + ".";
            default -> "stays with the agent who had it if she is online" + room + "; otherwise " + routing + ".";
        };
    }
}
