package dev.parley.web.dashboard;

import dev.parley.account.Membership;
import dev.parley.inbox.InboxManagement;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxSettings;
import dev.parley.inbox.InboxView;
import dev.parley.inbox.WebWidgetChannel;
import dev.parley.inbox.WebWidgetSettings;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import dev.parley.web.DashboardUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A website widget inbox's page for administrators: Chatwoot's embed snippet with this server's address to copy, the
 * widget's look and welcome text, and a live preview of the chat window that follows the form as it is typed.
 */
@Controller
class WidgetSettingsPageController {

    private final DashboardContext context;
    private final InboxQueries inboxes;
    private final InboxManagement inboxManagement;
    private final String publicUrl;

    WidgetSettingsPageController(DashboardContext context, InboxQueries inboxes, InboxManagement inboxManagement,
                                 @Value("${parley.public-url:}") String publicUrl) {
        this.context = context;
        this.inboxes = inboxes;
        this.inboxManagement = inboxManagement;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @GetMapping("/app/accounts/{accountId}/inboxes/{inboxId}/widget")
    String widget(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long inboxId, Model model) {
        Membership me = context.administrator(user, accountId);
        return page(me, inboxes.get(accountId, inboxId), null, model);
    }

    @PostMapping("/app/accounts/{accountId}/inboxes/{inboxId}/widget")
    String save(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long inboxId,
                @RequestParam(name = "widget_color", defaultValue = "") String color,
                @RequestParam(name = "welcome_title", defaultValue = "") String welcomeTitle,
                @RequestParam(name = "welcome_tagline", defaultValue = "") String welcomeTagline,
                @RequestParam(name = "reply_time", defaultValue = "in_a_few_minutes") String replyTime,
                @RequestParam(name = "pre_chat_form_enabled", defaultValue = "false") boolean preChat,
                @RequestParam(name = "website_url", defaultValue = "") String websiteUrl,
                @RequestParam(name = "allowed_domains", defaultValue = "") String allowedDomains, Model model) {
        Membership me = context.administrator(user, accountId);
        InboxView inbox = inboxes.get(accountId, inboxId);
        widgetOf(inbox);
        var widget = new WebWidgetSettings(websiteUrl.trim(), color.trim(), welcomeTitle.trim(), welcomeTagline.trim(), replyTime, preChat,
                null, null, null, allowedDomains.trim());
        var unchanged = InboxSettings.named(null);
        try {
            inboxManagement.update(accountId, inboxId, unchanged, widget, me.actor());
        } catch (InvalidInput e) {
            return page(me, inbox, e.getMessage(), model);
        }
        return "redirect:/app/accounts/" + accountId + "/inboxes/" + inboxId + "/widget?saved";
    }

    private WebWidgetChannel widgetOf(InboxView inbox) {
        return inboxes.webWidget(inbox.id()).orElseThrow(() -> new ResourceNotFound("Website widget"));
    }

    private String page(Membership me, InboxView inbox, String error, Model model) {
        WebWidgetChannel widget = widgetOf(inbox);
        String base = publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : publicUrl;
        model.addAttribute("me", me);
        model.addAttribute("accountId", me.accountId());
        model.addAttribute("inbox", inbox);
        model.addAttribute("widget", widget);
        model.addAttribute("snippet", widget.script(base).strip());
        model.addAttribute("error", error);
        return "app/inbox-widget";
    }
}
