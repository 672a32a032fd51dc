package dev.parley.web.dashboard;

import dev.parley.account.Membership;
import dev.parley.email.EmailConnections;
import dev.parley.inbox.InboxManagement;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxSettings;
import dev.parley.inbox.InboxView;
import dev.parley.shared.InvalidInput;
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
 * An email inbox's mail settings for administrators: edit its address and IMAP/SMTP servers (a password left empty
 * stays as it is; none is ever shown), and test the saved connection, which says what failed. New email inboxes are
 * made in the new-inbox flow ({@link EmailChannelForm}); the old creation address leads there.
 */
@Controller
class EmailInboxPageController {

    private final DashboardContext context;
    private final InboxQueries inboxes;
    private final InboxManagement management;
    private final EmailConnections connections;

    EmailInboxPageController(DashboardContext context, InboxQueries inboxes, InboxManagement management, EmailConnections connections) {
        this.context = context;
        this.inboxes = inboxes;
        this.management = management;
        this.connections = connections;
    }

    /** The old address of the new email inbox form: the unified new-inbox flow with the email channel chosen. */
    @GetMapping("/app/accounts/{accountId}/inboxes/email/new")
    String blank(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId) {
        context.administrator(user, accountId);
        return "redirect:/app/accounts/" + accountId + "/inboxes/new?channel_type=email";
    }

    @GetMapping("/app/accounts/{accountId}/inboxes/{inboxId}/email")
    String edit(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long inboxId, Model model) {
        InboxView inbox = inboxes.get(accountId, inboxId);
        return page(context.administrator(user, accountId), inbox, inbox.channel().all(), null, null, model);
    }

    @PostMapping("/app/accounts/{accountId}/inboxes/{inboxId}/email")
    String save(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long inboxId,
                @RequestParam Map<String, String> form, Model model) {
        Membership me = context.administrator(user, accountId);
        InboxView inbox = inboxes.get(accountId, inboxId);
        try {
            management.update(accountId, inboxId, InboxSettings.named(form.get("name")),
                    EmailChannelForm.settings(form), me.actor());
            return "redirect:/app/accounts/" + accountId + "/inboxes/" + inboxId + "/email?saved";
        } catch (InvalidInput e) {
            return page(me, inbox, EmailChannelForm.settings(form), e.getMessage(), null, model);
        }
    }

    @PostMapping("/app/accounts/{accountId}/inboxes/{inboxId}/email/test")
    String test(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long inboxId, Model model) {
        Membership me = context.administrator(user, accountId);
        InboxView inbox = inboxes.get(accountId, inboxId);
        return page(me, inbox, inbox.channel().all(), null, connections.test(inbox), model);
    }

    private String page(Membership me, InboxView inbox, Map<String, Object> settings, String error, List<EmailConnections.Result> tested,
                        Model model) {
        model.addAttribute("me", me);
        model.addAttribute("accountId", me.accountId());
        model.addAttribute("inbox", inbox);
        model.addAttribute("title", inbox.name() + ": mail settings");
        model.addAttribute("authentications", EmailChannelForm.AUTHENTICATIONS);
        var shown = new LinkedHashMap<String, Object>(settings);
        shown.keySet().removeIf(k -> k.endsWith("_password"));
        model.addAttribute("mail", shown);
        model.addAttribute("error", error);
        model.addAttribute("tested", tested);
        return "app/email-inbox";
    }
}
