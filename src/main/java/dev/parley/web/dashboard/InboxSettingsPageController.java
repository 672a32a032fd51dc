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
                @RequestParam(name = "policy", required = false) String policy, Model model) {
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
        try {
            inboxManagement.update(accountId, inboxId, new InboxSettings(null, null, null, autoAssignment, config, null, null, null, null), me.actor());
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
