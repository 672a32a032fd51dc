package dev.parley.realtime;

import dev.parley.conversation.ConversationCreated;
import dev.parley.conversation.ConversationUpdated;
import dev.parley.conversation.MessageCreated;
import dev.parley.presence.AgentPresenceChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Pushes "something changed" to the account's open dashboards right after a change commits. A push is
 * a hint (the page re-reads what it shows), so it needs no registry: a lost push is repaired by the
 * next one or by a reconnect.
 */
@Component
class ConversationEventsListener {

    private final LiveStreams streams;

    ConversationEventsListener(LiveStreams streams) {
        this.streams = streams;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ConversationCreated e) {
        streams.changed(e.accountId(), "conversation:" + e.displayId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ConversationUpdated e) {
        streams.changed(e.accountId(), "conversation:" + e.displayId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(MessageCreated e) {
        streams.changed(e.accountId(), "conversation:" + e.displayId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AgentPresenceChanged e) {
        streams.changed(e.accountId(), "agent:" + e.userId());
    }
}
