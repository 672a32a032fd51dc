package dev.parley.web.dashboard;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.account.Membership;
import dev.parley.account.Teams;
import dev.parley.contact.ContactQueries;
import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.CustomFilterView;
import dev.parley.conversation.CustomFilters;
import dev.parley.shared.filter.FilterRow;
import dev.parley.conversation.ConversationPage;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MentionMarkup;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.web.DashboardUser;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The conversation list: Mine / Unassigned / All with live counts, status, sort, scopes (inbox, team,
 * label, mentions, participating, unattended), 25 cards at a time with more loaded on scroll, and the
 * bulk action bar. A live refresh re-reads as many cards as the page has loaded.
 */
@Controller
class ConversationListController {

    private final DashboardContext context;
    private final Sidebar sidebar;
    private final CustomFilters folders;
    private final ConversationWorkspace workspace;

    ConversationListController(DashboardContext context, Sidebar sidebar, CustomFilters folders, ConversationWorkspace workspace) {
        this.context = context;
        this.sidebar = sidebar;
        this.folders = folders;
        this.workspace = workspace;
    }

    /**
     * The list's narrowing, all optional: one inbox, team or label, a conversation type (mention,
     * participating, unattended), a sort order, the page to show and how many cards the browser has loaded.
     */
    record Scope(Long inbox, Long team, String label, String type, String sort, Integer page, Integer loaded, Long folder) {
        static final Scope NONE = new Scope(null, null, null, null, null, null, null, null);

        int pageNumber() {
            return page == null || page < 1 ? 1 : page;
        }

        /** Pages to render from the first: enough to cover what the browser already shows. */
        int pagesToRender() {
            int shown = loaded == null ? 0 : Math.min(loaded, 1000);
            return Math.max(1, (shown + ConversationQueries.PAGE_SIZE - 1) / ConversationQueries.PAGE_SIZE);
        }

        ConversationFilter filter(String status, String assigneeType, int page, List<FilterRow> folderRows) {
            return new ConversationFilter(status, assigneeType, inbox, team, label == null || label.isBlank() ? null : List.of(label), null,
                    sort, page, type == null || type.isBlank() ? null : type, folderRows);
        }

        /** The saved folder's filter rows (none without a folder); only the caller's own folders are found. */
        List<FilterRow> folderRows(CustomFilters folders, Membership me) {
            return folder == null ? null : CustomFilters.rows(folders.get(me, folder).query());
        }
    }

    @GetMapping("/app/accounts/{accountId}/conversations")
    String list(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(defaultValue = "mine") String view,
                @RequestParam(defaultValue = "open") String status, @ModelAttribute Scope scope, Model model) {
        workspace.page(context.membership(user, accountId), view, status, scope, model);
        return "app/conversations";
    }

    /** The live refresh of the sidebar: its counts follow the conversations as the tabs do. */
    @GetMapping("/app/accounts/{accountId}/conversations/sidebar")
    String sidebar(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @ModelAttribute Scope scope, Model model) {
        model.addAttribute("sidebar", sidebar.of(context.membership(user, accountId)));
        model.addAttribute("accountId", accountId);
        model.addAttribute("scope", scope);
        return "app/conversations :: sidebar";
    }

    /**
     * Saves the view on screen (status, inbox, team, label, and the folder's own conditions when in one) as a
     * personal folder, stored as Chatwoot's custom filter so API clients see it too.
     */
    @PostMapping("/app/accounts/{accountId}/conversations/folders")
    @SuppressWarnings("unchecked")
    String saveFolder(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(defaultValue = "") String name,
                      @RequestParam(defaultValue = "all") String view, @RequestParam(defaultValue = "open") String status, @ModelAttribute Scope scope) {
        Membership me = context.membership(user, accountId);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!"all".equals(status)) rows.add(row("status", List.of(status)));
        if (scope.inbox() != null) rows.add(row("inbox_id", List.of(scope.inbox())));
        if (scope.team() != null) rows.add(row("team_id", List.of(scope.team())));
        if (scope.label() != null && !scope.label().isBlank()) rows.add(row("labels", List.of(scope.label())));
        if (scope.folder() != null) {
            Object saved = folders.get(me, scope.folder()).query().get("payload");
            if (saved instanceof List<?> list) list.forEach(r -> rows.add(new java.util.LinkedHashMap<>((Map<String, Object>) r)));
        }
        if (rows.isEmpty()) rows.add(row("status", List.of("open", "pending", "snoozed", "resolved")));
        for (int i = 0; i < rows.size(); i++) rows.get(i).put("query_operator", i == rows.size() - 1 ? null : "and");
        CustomFilterView saved = folders.create(me, name, "conversation", Map.of("payload", rows));
        return "redirect:/app/accounts/" + accountId + "/conversations?view=" + ("mine".equals(view) || "unassigned".equals(view) ? view : "all")
                + "&status=all&folder=" + saved.id();
    }

    @PostMapping("/app/accounts/{accountId}/conversations/folders/{folderId}/delete")
    String deleteFolder(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long folderId) {
        folders.delete(context.membership(user, accountId), folderId);
        return "redirect:/app/accounts/" + accountId + "/conversations?view=all";
    }

    private static Map<String, Object> row(String key, List<?> values) {
        var row = new java.util.LinkedHashMap<String, Object>();
        row.put("attribute_key", key);
        row.put("filter_operator", "equal_to");
        row.put("values", values);
        return row;
    }

    /** The live refresh: the tabs and as many cards as the browser had loaded. */
    @GetMapping("/app/accounts/{accountId}/conversations/list")
    String listFragment(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(defaultValue = "mine") String view,
                        @RequestParam(defaultValue = "open") String status, @ModelAttribute Scope scope, Model model) {
        workspace.list(context.membership(user, accountId), view, status, scope, 1, scope.pagesToRender(), model);
        return "app/conversations :: list";
    }

    /** Infinite scroll: the next 25 cards, and the marker that loads the ones after. */
    @GetMapping("/app/accounts/{accountId}/conversations/more")
    String more(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(defaultValue = "mine") String view,
                @RequestParam(defaultValue = "open") String status, @ModelAttribute Scope scope, Model model) {
        workspace.list(context.membership(user, accountId), view, status, scope, scope.pageNumber(), 1, model);
        return "app/conversations :: more";
    }

    /** The API's assignee_type for a tab: mine is "me". */
    static String assigneeType(String view) {
        return switch (view) {
            case "unassigned" -> "unassigned";
            case "all" -> "all";
            default -> "me";
        };
    }

}
