package dev.parley.web.dashboard;

import dev.parley.account.Membership;
import dev.parley.search.Search;
import dev.parley.search.SearchKind;
import dev.parley.web.DashboardUser;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The header's search box: suggestions while typing (five of each kind) and the results page (fifteen, paged by kind). */
@Controller
class SearchPageController {

    private static final int SUGGESTIONS = 5;

    private final DashboardContext context;
    private final Search search;

    SearchPageController(DashboardContext context, Search search) {
        this.context = context;
        this.search = search;
    }

    @GetMapping("/app/accounts/{accountId}/search")
    String results(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(defaultValue = "") String q,
                   @RequestParam(defaultValue = "all") String kind, @RequestParam(defaultValue = "1") int page, Model model) {
        Membership me = context.membership(user, accountId);
        SearchKind searched = kindOf(kind);
        model.addAttribute("me", me);
        model.addAttribute("accountId", accountId);
        model.addAttribute("q", q);
        model.addAttribute("kind", searched.name().toLowerCase(Locale.ROOT));
        model.addAttribute("page", Math.max(page, 1));
        model.addAttribute("pageSize", Search.PAGE_SIZE);
        model.addAttribute("rows", q.isBlank() ? null : SearchRows.of(accountId, search.find(me, searched, q, page)));
        return "app/search";
    }

    @GetMapping("/app/accounts/{accountId}/search/suggestions")
    String suggestions(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(defaultValue = "") String q,
                       Model model) {
        Membership me = context.membership(user, accountId);
        model.addAttribute("accountId", accountId);
        model.addAttribute("q", q);
        model.addAttribute("rows", q.isBlank() ? null : SearchRows.of(accountId, search.find(me, SearchKind.ALL, q, 1)).first(SUGGESTIONS));
        return "app/search :: suggestions";
    }

    private static SearchKind kindOf(String kind) {
        return switch (kind) {
            case "conversations" -> SearchKind.CONVERSATIONS;
            case "contacts" -> SearchKind.CONTACTS;
            case "messages" -> SearchKind.MESSAGES;
            default -> SearchKind.ALL;
        };
    }
}
