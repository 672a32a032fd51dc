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

/** What the reply box asks while an agent writes: canned responses for "/code", and "I am typing" for others to see. */
@Controller
class ReplyBoxController {

    private final DashboardContext context;
    private final ConversationQueries conversations;
    private final ConversationManagement management;
    private final CannedResponses canned;
    private final ReplyTemplates templates;

    ReplyBoxController(DashboardContext context, ConversationQueries conversations, ConversationManagement management, CannedResponses canned,
                       ReplyTemplates templates) {
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
                           @RequestParam(required = false) Long conversation, Model model) {
        Membership me = context.membership(user, accountId);
        String search = q.startsWith("/") ? q.substring(1).trim() : "";
        List<CannedResponseView> found = q.startsWith("/") ? canned.search(me.accountId(), search).stream().limit(8).toList() : List.of();
        ConversationView c = conversation == null || found.isEmpty() ? null : conversations.visible(me, conversation);
        model.addAttribute("responses", found.stream()
                .map(r -> new CannedChoice(r.shortCode(), c == null ? r.content() : templates.fill(r.content(), c, me.name()))).toList());
        return "app/conversation :: canned";
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
