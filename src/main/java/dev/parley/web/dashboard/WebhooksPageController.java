package dev.parley.web.dashboard;

import dev.parley.account.Membership;
import dev.parley.shared.InvalidInput;
import dev.parley.webhook.WebhookView;
import dev.parley.webhook.Webhooks;
import dev.parley.web.DashboardUser;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Webhooks for administrators: add one (URL, name, events), copy its signing secret, delete it, and read
 * its delivery log (status, attempts, last error, when it went out or will be tried again).
 */
@Controller
class WebhooksPageController {

    private final DashboardContext context;
    private final Webhooks webhooks;

    WebhooksPageController(DashboardContext context, Webhooks webhooks) {
        this.context = context;
        this.webhooks = webhooks;
    }

    @GetMapping("/app/accounts/{accountId}/webhooks")
    String page(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(required = false) Long deliveries,
                Model model) {
        return page(context.administrator(user, accountId), deliveries, null, model);
    }

    @PostMapping("/app/accounts/{accountId}/webhooks")
    String add(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(defaultValue = "") String url,
               @RequestParam(defaultValue = "") String name, @RequestParam(name = "subscriptions", required = false) List<String> subscriptions,
               Model model) {
        Membership me = context.administrator(user, accountId);
        try {
            webhooks.create(accountId, name.isBlank() ? null : name, url, subscriptions == null ? List.of() : subscriptions, null);
        } catch (InvalidInput e) {
            model.addAttribute("url", url);
            model.addAttribute("name", name);
            return page(me, null, e.getMessage(), model);
        }
        return "redirect:/app/accounts/" + accountId + "/webhooks";
    }

    @PostMapping("/app/accounts/{accountId}/webhooks/{id}/delete")
    String delete(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long id) {
        context.administrator(user, accountId);
        webhooks.delete(accountId, id);
        return "redirect:/app/accounts/" + accountId + "/webhooks";
    }

    private String page(Membership me, Long deliveriesOf, String error, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("accountId", me.accountId());
        model.addAttribute("webhooks", webhooks.all(me.accountId()));
        model.addAttribute("events", Webhooks.SUBSCRIPTIONS);
        WebhookView shown = deliveriesOf == null ? null : webhooks.get(me.accountId(), deliveriesOf);
        model.addAttribute("shown", shown);
        model.addAttribute("deliveries", shown == null ? List.of() : webhooks.deliveries(me.accountId(), shown.id(), 50));
        model.addAttribute("error", error);
        return "app/webhooks";
    }
}
