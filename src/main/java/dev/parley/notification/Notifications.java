package dev.parley.notification;

import dev.parley.account.Membership;
import dev.parley.notification.persistence.NotificationRepository;
import dev.parley.shared.ResourceNotFound;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's notifications in one account: list, unread count, read and unread marks, delete. */
@Service
@Transactional
public class Notifications {

    public static final int PAGE_SIZE = 15;
    private final NotificationRepository notifications;
    private final Clock clock;

    public Notifications(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<NotificationView> page(Membership me, int page) {
        return notifications.page(me.accountId(), me.userId(), PAGE_SIZE, (Math.max(page, 1) - 1) * PAGE_SIZE);
    }

    @Transactional(readOnly = true)
    public long count(Membership me) {
        return notifications.count(me.accountId(), me.userId());
    }

    @Transactional(readOnly = true)
    public long unread(Membership me) {
        return notifications.unread(me.accountId(), me.userId());
    }

    public NotificationView markRead(Membership me, long id) {
        get(me, id);
        notifications.markRead(id, clock.instant());
        return get(me, id);
    }

    public NotificationView markUnread(Membership me, long id) {
        get(me, id);
        notifications.markUnread(id);
        return get(me, id);
    }

    public void markAllRead(Membership me) {
        notifications.markAllRead(me.accountId(), me.userId(), clock.instant());
    }

    /** The person opened the conversation: its notifications are read. */
    public void conversationRead(Membership me, long conversationId) {
        notifications.markConversationRead(me.accountId(), me.userId(), conversationId, clock.instant());
    }

    public void delete(Membership me, long id) {
        get(me, id);
        notifications.delete(id);
    }

    @Transactional(readOnly = true)
    public NotificationView get(Membership me, long id) {
        return notifications.find(me.accountId(), me.userId(), id).orElseThrow(() -> new ResourceNotFound("Notification"));
    }
}
