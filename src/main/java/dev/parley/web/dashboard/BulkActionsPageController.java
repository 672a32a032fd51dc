package dev.parley.web.dashboard;

import dev.parley.account.Membership;
import dev.parley.conversation.BulkChange;
import dev.parley.conversation.BulkChanges;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.JsonIds;
import dev.parley.web.DashboardUser;
import dev.parley.web.dashboard.ConversationListController.Scope;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The list's bulk bar: assign an agent (or none) or a team (or none), add labels, resolve, reopen, mark
 * pending or snooze, for the ticked conversations or for every conversation the view matches. Goes
 * through the same service as the API's bulk_actions, and says how many changed and why others did not.
 */
@Controller
class BulkActionsPageController {

    private final DashboardContext context;
    private final ConversationQueries conversations;
    private final BulkChanges bulk;
    private final dev.parley.conversation.CustomFilters folders;

    BulkActionsPageController(DashboardContext context, ConversationQueries conversations, BulkChanges bulk,
                              dev.parley.conversation.CustomFilters folders) {
        this.folders = folders;
        this.context = context;
        this.conversations = conversations;
        this.bulk = bulk;
    }

    @PostMapping("/app/accounts/{accountId}/conversations/bulk")
    String apply(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId,
                 @RequestParam(name = "ids", required = false) List<Long> ids, @RequestParam(name = "all_matching", defaultValue = "false") boolean all,
                 @RequestParam(name = "bulk_action") String action, @RequestParam(name = "bulk_value", defaultValue = "") String labels,
                 @RequestParam(name = "agent_id", defaultValue = "me") String agent, @RequestParam(name = "team_id", defaultValue = "") String team,
                 @RequestParam(defaultValue = "mine") String view, @RequestParam(defaultValue = "open") String status, @ModelAttribute Scope scope,
                 @RequestParam(name = "confirmed_count", required = false) Integer confirmed,
                 @RequestParam(name = "pinned_display_id", required = false) Long pinned, RedirectAttributes redirect) {
        Membership me = context.membership(user, accountId);
        List<Long> chosen = all ? matchingWhenConfirmed(me, view, status, scope, pinned) : ids == null ? List.of() : ids;
        String back = "/app/accounts/" + accountId + "/conversations?view=" + encode(view) + "&status=" + encode(status) + scopeQuery(scope);
        if (all && confirmed != null && chosen.size() != confirmed) {
            // the view changed under the agent (a conversation closed or started to match): change nothing rather than something else
            redirect.addFlashAttribute("actionError", chosen.size() + " conversations match this view now, not the " + confirmed
                    + " you confirmed. Nothing was changed: check the view and apply again.");
            return "redirect:" + back;
        }
        if (chosen.isEmpty()) return "redirect:" + back + "&done=0";
        BulkChanges.Result result = bulk.apply(me, chosen, change(action, labels, agent, team, me));
        String why = result.refused().values().stream().findFirst().map(r -> "&why=" + encode(r)).orElse("");
        return "redirect:" + back + "&done=" + result.applied().size() + "&refused=" + result.refused().size() + why;
    }

    /** Every conversation the view matches, without those created after the agent saw the count (display id above the pin). */
    private List<Long> matchingWhenConfirmed(Membership me, String view, String status, Scope scope, Long pinned) {
        List<Long> matching = conversations.matchingDisplayIds(me, scope.filter(status, ConversationListController.assigneeType(view), 1,
                scope.folderRows(folders, me)), BulkChanges.MAX);
        return pinned == null ? matching : matching.stream().filter(id -> id <= pinned).toList();
    }

    private static BulkChange change(String action, String labels, String agent, String team, Membership me) {
        return switch (action) {
            case "assign_agent" -> BulkChange.assignee("me".equals(agent) ? Long.valueOf(me.userId()) : JsonIds.id("agent_id", agent));
            case "assign_me" -> BulkChange.assignee(me.userId());
            case "unassign" -> BulkChange.assignee(null);
            case "assign_team" -> BulkChange.team(JsonIds.id("team_id", team));
            case "label" -> BulkChange.labels(Arrays.stream(labels.split(",")).map(String::trim).filter(l -> !l.isEmpty()).toList());
            case "resolve" -> BulkChange.status(ConversationStatus.RESOLVED, null);
            case "reopen" -> BulkChange.status(ConversationStatus.OPEN, null);
            case "pending" -> BulkChange.status(ConversationStatus.PENDING, null);
            case "snooze" -> BulkChange.status(ConversationStatus.SNOOZED, null);
            default -> throw InvalidInput.of("bulk_action", "is not known");
        };
    }

    private static String scopeQuery(Scope s) {
        StringBuilder q = new StringBuilder();
        if (s.inbox() != null) q.append("&inbox=").append(s.inbox());
        if (s.team() != null) q.append("&team=").append(s.team());
        if (s.label() != null && !s.label().isBlank()) q.append("&label=").append(encode(s.label()));
        if (s.type() != null && !s.type().isBlank()) q.append("&type=").append(encode(s.type()));
        if (s.sort() != null && !s.sort().isBlank()) q.append("&sort=").append(encode(s.sort()));
        if (s.folder() != null) q.append("&folder=").append(s.folder());
        return q.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
