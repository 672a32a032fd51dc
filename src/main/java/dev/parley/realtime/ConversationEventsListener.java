package dev.parley.realtime;

import dev.parley.account.AgentAvailabilityChanged;
import dev.parley.conversation.ConversationCreated;
import dev.parley.conversation.ConversationSeen;
import dev.parley.conversation.ConversationTypingChanged;
import dev.parley.conversation.ConversationUpdated;
import dev.parley.conversation.MessageCreated;
import dev.parley.conversation.MessageUpdated;
import dev.parley.notification.NotificationCreated;
import dev.parley.presence.AgentPresenceChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Pushes "something changed" to the account's open dashboards on every node when a change commits (through
 * {@link LiveBus}, PostgreSQL's NOTIFY inside the change's transaction). A push is a hint (the page re-reads
 * what it shows), so it is not recorded in the event log: a lost push is repaired by the
 * next one or by a reconnect.
 */
@Component
class ConversationEventsListener {

    private final LiveBus bus;

    ConversationEventsListener(LiveBus bus) {
        this.bus = bus;
    }

    @EventListener
    void on(ConversationCreated e) {
        push(e.accountId(), "conversation:" + e.displayId());
    }

    @EventListener
    void on(ConversationUpdated e) {
        push(e.accountId(), "conversation:" + e.displayId());
    }

    @EventListener
    void on(MessageCreated e) {
        push(e.accountId(), "conversation:" + e.displayId());
    }

    /** The customer read the conversation: its open pages show "Read" on the replies (an agent's look changes no page). */
    @EventListener
    void on(ConversationSeen e) {
        if (e.byContact()) push(e.accountId(), "conversation:" + e.displayId());
    }

    @EventListener
    void on(MessageUpdated e) {
        push(e.accountId(), "conversation:" + e.displayId());
    }

    /** "Rita is typing…" on the conversation's open pages (an empty text when she stops), not to the typist. */
    @EventListener
    void on(ConversationTypingChanged e) {
        Long typist = e.causedBy().isUser() ? e.causedBy().id() : null;
        String text = e.typing() ? HtmlUtils.htmlEscape(e.causedBy().displayName()) + (e.isPrivate() ? " is writing a note…" : " is typing…") : "";
        bus.signal(e.accountId(), typist, "typing-" + e.displayId(), text);
    }

    /** The agent's own pages update their availability menu and say who changed it, when it was not this page. */
    @EventListener
    void on(AgentAvailabilityChanged e) {
        if (e.from() == e.to()) return;
        String by = e.causedBy().isUser() && e.causedBy().id() == e.userId() ? "you" : e.causedBy().displayName();
        String data = e.to().apiName() + "|" + (by == null ? "Parley" : by).replace('\n', ' ');
        bus.signalUser(e.accountId(), e.userId(), "availability", data);
    }

    /** The person's bell shows the new unread count at once. */
    @EventListener
    void on(NotificationCreated e) {
        bus.signalUser(e.accountId(), e.userId(), "notifications", e.unread() + "|" + e.message().replace('\n', ' '));
    }

    @EventListener
    void on(AgentPresenceChanged e) {
        push(e.accountId(), "agent:" + e.userId());
    }

    private void push(long accountId, String what) {
        bus.changed(accountId, what); // delivered by PostgreSQL when the change's transaction commits
    }
}
