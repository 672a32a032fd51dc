package dev.parley.web.dashboard;

import dev.parley.account.Membership;
import dev.parley.notification.NotificationView;
import dev.parley.notification.Notifications;
import dev.parley.web.DashboardUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The bell's page: the person's notifications, newest first; opening one reads it and shows its conversation. */
@Controller
class NotificationsPageController {

    private final DashboardContext context;
    private final Notifications notifications;

    NotificationsPageController(DashboardContext context, Notifications notifications) {
        this.context = context;
        this.notifications = notifications;
    }

    @GetMapping("/app/accounts/{accountId}/notifications")
    String page(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(defaultValue = "1") int page, Model model) {
        Membership me = context.membership(user, accountId);
        model.addAttribute("me", me);
        model.addAttribute("accountId", accountId);
        model.addAttribute("notifications", notifications.page(me, page));
        model.addAttribute("page", Math.max(page, 1));
        model.addAttribute("hasNext", (long) Math.max(page, 1) * Notifications.PAGE_SIZE < notifications.count(me));
        return "app/notifications";
    }

    @GetMapping("/app/accounts/{accountId}/notifications/{id}/open")
    String open(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long id) {
        NotificationView read = notifications.markRead(context.membership(user, accountId), id);
        return "redirect:/app/accounts/" + accountId + "/conversations/" + read.displayId();
    }

    @PostMapping("/app/accounts/{accountId}/notifications/read-all")
    String readAll(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId) {
        notifications.markAllRead(context.membership(user, accountId));
        return "redirect:/app/accounts/" + accountId + "/notifications";
    }
}
