package dev.parley.notification.web;

import dev.parley.account.Membership;
import dev.parley.notification.NotificationView;
import dev.parley.notification.Notifications;
import dev.parley.shared.Timestamps;
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
        var meta = new Meta(notifications.unread(me), notifications.count(me), Math.max(page, 1));
        return Map.of("data", Map.of("meta", meta, "payload", notifications.page(me, page).stream().map(NotificationsController::json).toList()));
    }

    @GetMapping("/unread_count")
    long unreadCount(Membership me) {
        return notifications.unread(me);
    }

    @GetMapping("/{id}")
    NotificationJson show(Membership me, @PathVariable long id) {
        return json(notifications.get(me, id));
    }

    @PostMapping("/read_all")
    Map<String, Object> readAll(Membership me) {
        notifications.markAllRead(me);
        return Map.of();
    }

    @PatchMapping("/{id}")
    NotificationJson read(Membership me, @PathVariable long id) {
        return json(notifications.markRead(me, id));
    }

    @PostMapping("/{id}/unread")
    NotificationJson unread(Membership me, @PathVariable long id) {
        return json(notifications.markUnread(me, id));
    }

    @DeleteMapping("/{id}")
    Map<String, Object> delete(Membership me, @PathVariable long id) {
        notifications.delete(me, id);
        return Map.of();
    }

    /** Chatwoot's notification JSON: the conversation is the primary actor, the agent who caused it the secondary one. */
    record NotificationJson(long id, String notificationType, String pushMessageTitle, String primaryActorType, long primaryActorId,
                            Actor primaryActor, Long readAt, Actor secondaryActor, long userId, long accountId, Long createdAt,
                            Long lastActivityAt, Long snoozedUntil) {
    }

    /** An actor in brief: the conversation by its id, the agent by name. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Actor(Long id, String name) {
    }

    /** The page's counts. */
    record Meta(long unreadCount, long count, int currentPage) {
    }

    static NotificationJson json(NotificationView n) {
        return new NotificationJson(n.id(), n.notificationType(), n.message(), "Conversation", n.displayId(), new Actor(n.displayId(), null),
                Timestamps.unix(n.readAt()), n.actorName() == null ? null : new Actor(null, n.actorName()), n.userId(), n.accountId(),
                Timestamps.unix(n.createdAt()), Timestamps.unix(n.createdAt()), null);
    }
}
