package dev.parley.web.dashboard;

import dev.parley.account.AccountQueries;
import dev.parley.account.Membership;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creating an inbox of any channel (API, website, email) in one flow (the channel and its fields, the members,
 * automatic assignment and the per-agent limit), then the channel's own next page (the widget snippet, the mail
 * connection test); and editing an inbox's name and channel fields; members and assignment are edited on the inbox's
 * settings page.
 */
@Controller
class InboxPagesController {

    private final DashboardContext context;
    private final ChannelForms channels;
    private final InboxManagement inboxes;
    private final InboxQueries inboxQueries;
    private final AccountQueries accounts;

    InboxPagesController(DashboardContext context, ChannelForms channels, InboxManagement inboxes, InboxQueries inboxQueries,
                         AccountQueries accounts) {
        this.context = context;
        this.channels = channels;
        this.inboxes = inboxes;
        this.inboxQueries = inboxQueries;
        this.accounts = accounts;
    }

    @GetMapping("/app/accounts/{accountId}/inboxes/new")
    String newInbox(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId,
                    @RequestParam(name = "channel_type", defaultValue = "api") String type, Model model) {
        Membership me = context.administrator(user, accountId);
        ChannelForm channel = channels.byType(type);
        var start = new LinkedHashMap<>(channel.defaults());
        start.put("auto_assignment", "true");
        return page(me, channel, start, List.of(me.userId()), null, model);
    }

    @PostMapping("/app/accounts/{accountId}/inboxes")
    String create(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId,
                  @RequestParam(name = "channel_type", defaultValue = "api") String type, @RequestParam(defaultValue = "") String name,
                  @RequestParam(name = "members", required = false) List<Long> members,
                  @RequestParam(name = "auto_assignment", defaultValue = "false") boolean autoAssignment,
                  @RequestParam(defaultValue = "") String limit, @RequestParam Map<String, String> form, Model model) {
        Membership me = context.administrator(user, accountId);
        ChannelForm channel = channels.byType(type);
        List<Long> chosen = members == null ? List.of() : members;
        InboxView inbox;
        try {
            Map<String, Object> config = new LinkedHashMap<>();
            if (!limit.isBlank()) config.put("max_assignment_limit", wholeAboveZero(limit));
            inbox = channel.create(accountId, name, form, me.actor());
            inboxes.update(accountId, inbox.id(), new InboxSettings(null, null, null, autoAssignment, config.isEmpty() ? null : config,
                    null, null, null, null), me.actor());
            if (!chosen.isEmpty()) inboxes.replaceMembers(accountId, inbox.id(), chosen, me.actor());
        } catch (InvalidInput e) {
            return page(me, channel, form, chosen, e.getMessage(), model);
        }
        return "redirect:" + channel.createdPage(accountId, inbox);
    }

    @PostMapping("/app/accounts/{accountId}/inboxes/{inboxId}/channel")
    String saveChannel(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long inboxId,
                       @RequestParam(defaultValue = "") String name, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Membership me = context.administrator(user, accountId);
        InboxView inbox = inboxQueries.get(accountId, inboxId);
        ChannelForm channel = channels.of(inbox);
        if (channel == null) throw InvalidInput.of("channel_type", "cannot be edited in the dashboard yet");
        try {
            if (name.isBlank()) throw InvalidInput.of("name", "can't be blank");
            channel.update(accountId, inbox, name.trim(), form, me.actor());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("channelError", e.getMessage());
            return "redirect:/app/accounts/" + accountId + "/inboxes/" + inboxId + "/settings";
        }
        return "redirect:/app/accounts/" + accountId + "/inboxes/" + inboxId + "/settings?saved";
    }

    private static int wholeAboveZero(String limit) {
        if (!limit.trim().matches("\\d{1,9}") || Integer.parseInt(limit.trim()) < 1) {
            throw InvalidInput.of("limit", "must be a whole number above 0, or empty for no limit");
        }
        return Integer.parseInt(limit.trim());
    }

    private String page(Membership me, ChannelForm channel, Map<String, String> form, List<Long> members, String error, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("accountId", me.accountId());
        model.addAttribute("channels", channels.all());
        model.addAttribute("channel", channel);
        model.addAttribute("form", form);
        model.addAttribute("agents", accounts.agents(me.accountId()));
        model.addAttribute("members", members);
        model.addAttribute("error", error);
        return "app/inbox-new";
    }
}
