package dev.parley.widget.application;

import dev.parley.inbox.InboxQueries;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Whether an inbox is a website widget's, remembered per inbox: an inbox's channel is chosen when it is created and
 * never changes, and inbox ids are never reused, so the answer cannot go stale. Spares every message of every inbox
 * a read of {@code channel_web_widgets} in the transaction that writes it.
 */
@Component
class WidgetInboxes {

    /** More inboxes than this and the memory starts over (an answer costs one read to learn again). */
    private static final int MAX_REMEMBERED = 50_000;

    private final InboxQueries inboxes;
    private final Map<Long, Boolean> widget = new ConcurrentHashMap<>();

    WidgetInboxes(InboxQueries inboxes) {
        this.inboxes = inboxes;
    }

    boolean isWidget(long inboxId) {
        Boolean known = widget.get(inboxId);
        if (known != null) return known;
        boolean isWidget = inboxes.webWidget(inboxId).isPresent();
        if (widget.size() >= MAX_REMEMBERED) widget.clear();
        widget.put(inboxId, isWidget);
        return isWidget;
    }
}
