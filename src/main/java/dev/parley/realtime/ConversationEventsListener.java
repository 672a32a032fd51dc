package dev.parley.realtime;

import dev.parley.account.AgentAvailabilityChanged;
import dev.parley.conversation.ConversationCreated;
import dev.parley.conversation.ConversationTypingChanged;
import dev.parley.conversation.ConversationUpdated;
import dev.parley.conversation.MessageCreated;
import dev.parley.conversation.MessageUpdated;
import dev.parley.presence.AgentPresenceChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.util.HtmlUtils;

/**
 * Pushes "something changed" to the account's open dashboards right after a change commits. A push is
 * a hint (the page re-reads what it shows), so it is not recorded in the event publication registry:
 * a lost push is repaired by the next one or by a reconnect, and pushing never needs a second
 * database connection while the first is still held.
 */
@Component
class ConversationEventsListener {

    private final LiveStreams streams;

    ConversationEventsListener(LiveStreams streams) {
        this.streams = streams;
    }

    @EventListener
    void on(ConversationCreated e) {
        afterCommit(e.accountId(), "conversation:" + e.displayId());
    }

    @EventListener
    void on(ConversationUpdated e) {
        afterCommit(e.accountId(), "conversation:" + e.displayId());
    }

    @EventListener
    void on(MessageCreated e) {
        afterCommit(e.accountId(), "conversation:" + e.displayId());
    }

    @EventListener
    void on(MessageUpdated e) {
        afterCommit(e.accountId(), "conversation:" + e.displayId());
    }

    /** "Rita is typing…" on the conversation's open pages (an empty text when she stops), not to the typist. */
    @EventListener
    void on(ConversationTypingChanged e) {
        Long typist = e.causedBy().isUser() ? e.causedBy().id() : null;
        String text = e.typing() ? HtmlUtils.htmlEscape(e.causedBy().displayName()) + (e.isPrivate() ? " is writing a note…" : " is typing…") : "";
        streams.signal(e.accountId(), typist, "typing-" + e.displayId(), text);
    }

    /** The agent's own pages update their availability menu and say who changed it, when it was not this page. */
    @EventListener
    void on(AgentAvailabilityChanged e) {
        if (e.from() == e.to()) return;
        String by = e.causedBy().isUser() && e.causedBy().id() == e.userId() ? "you" : e.causedBy().displayName();
        String data = e.to().apiName() + "|" + (by == null ? "Parley" : by).replace('\n', ' ');
        afterCommit(() -> streams.signalUser(e.accountId(), e.userId(), "availability", data));
    }

    @EventListener
    void on(AgentPresenceChanged e) {
        afterCommit(e.accountId(), "agent:" + e.userId());
    }

    private void afterCommit(long accountId, String what) {
        afterCommit(() -> streams.changed(accountId, what));
    }

    private static void afterCommit(Runnable push) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            push.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                push.run();
            }
        });
    }
}
