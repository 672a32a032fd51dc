package dev.parley.web.dashboard;

import dev.parley.account.CannedResponseView;
import dev.parley.account.CannedResponses;
import dev.parley.automation.ReplyTemplates;
import dev.parley.account.Membership;
import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import java.util.List;
import dev.parley.web.DashboardUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** What the reply box asks while an agent writes: canned responses for "/code", agents to mention for "@" in a note, and "I am typing". */
@Controller
class ReplyBoxController {

    private final DashboardContext context;
    private final ConversationQueries conversations;
    private final ConversationManagement management;
    private final CannedResponses canned;
    private final ReplyTemplates templates;
    private final dev.parley.account.AccountQueries accounts;

    ReplyBoxController(DashboardContext context, ConversationQueries conversations, ConversationManagement management, CannedResponses canned,
                       ReplyTemplates templates, dev.parley.account.AccountQueries accounts) {
        this.accounts = accounts;
        this.context = context;
        this.conversations = conversations;
        this.management = management;
        this.canned = canned;
        this.templates = templates;
    }

    /**
     * Canned responses whose short code starts with (or whose text contains) what follows the "/"; with a
     * conversation, each comes with its variables filled for it ({{contact.name}} ...), as the agent will send it.
     */
    @GetMapping("/app/accounts/{accountId}/canned-responses")
    String cannedResponses(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(defaultValue = "") String q,
                           @RequestParam(required = false) Long conversation, @RequestParam(defaultValue = "false") boolean note, Model model) {
        Membership me = context.membership(user, accountId);
        model.addAttribute("mentions", note ? mentionChoices(accountId, q) : List.of());
        String search = q.startsWith("/") ? q.substring(1).trim() : "";
        List<CannedResponseView> found = q.startsWith("/") ? canned.search(me.accountId(), search).stream().limit(8).toList() : List.of();
        ConversationView c = conversation == null || found.isEmpty() ? null : conversations.visible(me, conversation);
        model.addAttribute("responses", found.stream()
                .map(r -> new CannedChoice(r.shortCode(), c == null ? r.content() : templates.fill(r.content(), c, me.name()))).toList());
        return "app/conversation :: canned";
    }

    private static final java.util.regex.Pattern MENTION_BEING_TYPED = java.util.regex.Pattern.compile("(?:^|\\s)@([^\\s@]{0,40})$");

    /** In a private note ending in "@" and part of a name: the agents whose first or any name starts with it (up to 8). */
    private List<dev.parley.account.AgentView> mentionChoices(long accountId, String text) {
        var typed = MENTION_BEING_TYPED.matcher(text);
        if (!typed.find()) return List.of();
        String start = typed.group(1).toLowerCase(java.util.Locale.ROOT);
        return accounts.agents(accountId).stream().filter(a -> java.util.Arrays.stream(a.availableName().toLowerCase(java.util.Locale.ROOT).split("\\s+"))
                .anyMatch(word -> word.startsWith(start)) || a.availableName().toLowerCase(java.util.Locale.ROOT).startsWith(start)).limit(8).toList();
    }

    /** A canned response as the reply box offers it: its text with the conversation's variables filled in. */
    record CannedChoice(String shortCode, String content) {
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/typing")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void typing(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                @RequestParam(defaultValue = "on") String state, @RequestParam(name = "private", defaultValue = "false") boolean note) {
        Membership me = context.membership(user, accountId);
        conversations.visible(me, displayId);
        management.typing(accountId, displayId, !"off".equals(state), note, me.actor());
    }
}
