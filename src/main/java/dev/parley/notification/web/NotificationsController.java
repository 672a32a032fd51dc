package dev.parley.notification.web;

import dev.parley.account.Membership;
import dev.parley.notification.NotificationView;
import dev.parley.notification.Notifications;
import dev.parley.shared.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chatwoot's notifications API: the caller's own notifications in the account. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/notifications")
class NotificationsController {

    private final Notifications notifications;

    NotificationsController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    Map<String, Object> index(Membership me, @RequestParam(defaultValue = "1") int page) {
        var meta = new LinkedHashMap<String, Object>();
        meta.put("unread_count", notifications.unread(me));
        meta.put("count", notifications.count(me));
        meta.put("current_page", Math.max(page, 1));
        return Map.of("data", Map.of("meta", meta, "payload", notifications.page(me, page).stream().map(NotificationsController::json).toList()));
    }

    @GetMapping("/unread_count")
    long unreadCount(Membership me) {
        return notifications.unread(me);
    }

    @GetMapping("/{id}")
    Map<String, Object> show(Membership me, @PathVariable long id) {
        return json(notifications.get(me, id));
    }

    @PostMapping("/read_all")
    Map<String, Object> readAll(Membership me) {
        notifications.markAllRead(me);
        return Map.of();
    }

    @PatchMapping("/{id}")
    Map<String, Object> read(Membership me, @PathVariable long id) {
        return json(notifications.markRead(me, id));
    }

    @PostMapping("/{id}/unread")
    Map<String, Object> unread(Membership me, @PathVariable long id) {
        return json(notifications.markUnread(me, id));
    }

    @DeleteMapping("/{id}")
    Map<String, Object> delete(Membership me, @PathVariable long id) {
        notifications.delete(me, id);
        return Map.of();
    }

    static Map<String, Object> json(NotificationView n) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", n.id());
        json.put("notification_type", n.notificationType());
        json.put("push_message_title", n.message());
        json.put("primary_actor_type", "Conversation");
        json.put("primary_actor_id", n.displayId());
        json.put("primary_actor", Map.of("id", n.displayId()));
        json.put("read_at", Timestamps.unix(n.readAt()));
        json.put("secondary_actor", n.actorName() == null ? null : Map.of("name", n.actorName()));
        json.put("user_id", n.userId());
        json.put("account_id", n.accountId());
        json.put("created_at", Timestamps.unix(n.createdAt()));
        json.put("last_activity_at", Timestamps.unix(n.createdAt()));
        json.put("snoozed_until", null);
        return json;
    }
}
