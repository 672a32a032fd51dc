package dev.parley.web.dashboard;

import dev.parley.account.AccountQueries;
import dev.parley.account.CannedResponses;
import dev.parley.account.Labels;
import dev.parley.account.Membership;
import dev.parley.account.Teams;
import dev.parley.inbox.InboxQueries;
import dev.parley.shared.InvalidInput;
import dev.parley.web.DashboardUser;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Account settings an administrator keeps: inboxes (links to their assignment settings), teams with their
 * members, labels, and canned responses. Everyone may look; only administrators change. Each form goes
 * through the same services as the API, and a refusal is shown next to the form with what was typed.
 */
@Controller
class SettingsPagesController {

    private final DashboardContext context;
    private final InboxQueries inboxes;
    private final Teams teams;
    private final Labels labels;
    private final CannedResponses canned;
    private final AccountQueries accounts;

    SettingsPagesController(DashboardContext context, InboxQueries inboxes, Teams teams, Labels labels, CannedResponses canned,
                            AccountQueries accounts) {
        this.context = context;
        this.inboxes = inboxes;
        this.teams = teams;
        this.labels = labels;
        this.canned = canned;
        this.accounts = accounts;
    }

    @GetMapping("/app/accounts/{accountId}/settings")
    String settings(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(required = false) String edit,
                    Model model) {
        return page(context.membership(user, accountId), edit, null, model);
    }

    @PostMapping("/app/accounts/{accountId}/settings/teams")
    String saveTeam(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(required = false) Long id,
                    @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                    @RequestParam(name = "members", required = false) List<Long> members, Model model) {
        Membership me = context.administrator(user, accountId);
        try {
            long teamId = id == null ? teams.create(accountId, name, description, true).id()
                    : teams.update(accountId, id, name, description, null).id();
            if (id != null) teams.replaceMembers(accountId, teamId, members == null ? List.of() : members);
        } catch (InvalidInput e) {
            return page(me, id == null ? null : "team-" + id, Map.of("team", e.getMessage()), model);
        }
        return "redirect:/app/accounts/" + accountId + "/settings#teams";
    }

    @PostMapping("/app/accounts/{accountId}/settings/labels")
    String saveLabel(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(required = false) Long id,
                     @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String description,
                     @RequestParam(defaultValue = "#1f93ff") String color,
                     @RequestParam(name = "show_on_sidebar", defaultValue = "false") boolean sidebar, Model model) {
        Membership me = context.administrator(user, accountId);
        try {
            if (id == null) labels.create(accountId, title, description, color, sidebar);
            else labels.update(accountId, id, title, description, color, sidebar);
        } catch (InvalidInput e) {
            return page(me, id == null ? null : "label-" + id, Map.of("label", e.getMessage()), model);
        }
        return "redirect:/app/accounts/" + accountId + "/settings#labels";
    }

    @PostMapping("/app/accounts/{accountId}/settings/canned")
    String saveCanned(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(required = false) Long id,
                      @RequestParam(name = "short_code", defaultValue = "") String shortCode, @RequestParam(defaultValue = "") String content,
                      Model model) {
        Membership me = context.administrator(user, accountId);
        try {
            if (id == null) canned.create(accountId, shortCode, content);
            else canned.update(accountId, id, shortCode, content);
        } catch (InvalidInput e) {
            return page(me, id == null ? null : "canned-" + id, Map.of("canned", e.getMessage()), model);
        }
        return "redirect:/app/accounts/" + accountId + "/settings#canned";
    }

    /** Deletes a team, label or canned response ({@code kind}), after the browser confirmed it. */
    @PostMapping("/app/accounts/{accountId}/settings/{kind}/{id}/delete")
    String delete(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable String kind, @PathVariable long id) {
        context.administrator(user, accountId);
        switch (kind) {
            case "teams" -> teams.delete(accountId, id);
            case "labels" -> labels.delete(accountId, id);
            case "canned" -> canned.delete(accountId, id);
            default -> throw InvalidInput.of("kind", "must be teams, labels or canned");
        }
        return "redirect:/app/accounts/" + accountId + "/settings#" + kind;
    }

    private String page(Membership me, String edit, Map<String, String> errors, Model model) {
        long accountId = me.accountId();
        model.addAttribute("me", me);
        model.addAttribute("accountId", accountId);
        model.addAttribute("inboxes", inboxes.visibleTo(me));
        model.addAttribute("teams", teams.all(accountId));
        model.addAttribute("teamMembers", teams.all(accountId).stream()
                .collect(Collectors.toMap(t -> t.id(), t -> teams.memberIds(accountId, t.id()))));
        model.addAttribute("agents", accounts.agents(accountId));
        model.addAttribute("labels", labels.all(accountId));
        model.addAttribute("cannedResponses", canned.search(accountId, null));
        String editing = me.isAdministrator() && edit != null ? edit : "";
        model.addAttribute("editingTeam", teams.all(accountId).stream().filter(t -> editing.equals("team-" + t.id())).findFirst().orElse(null));
        model.addAttribute("editingLabel", labels.all(accountId).stream().filter(l -> editing.equals("label-" + l.id())).findFirst().orElse(null));
        model.addAttribute("editingCanned", canned.search(accountId, null).stream().filter(c -> editing.equals("canned-" + c.id())).findFirst()
                .orElse(null));
        model.addAttribute("errors", errors == null ? Map.of() : errors);
        return "app/settings";
    }
}
