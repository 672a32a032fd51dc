package dev.parley.email.application;

import dev.parley.conversation.MessageCreated;
import dev.parley.shared.reactors.Reactor;
import dev.parley.shared.reactors.Reacts;
import org.springframework.stereotype.Component;

/**
 * Replies written in email conversations go to the outbox. The reactor reads the event log past its cursor like every
 * other; {@link Outbox#enqueue} skips what cannot be a mail (anything but a public outgoing or template message, or a
 * message of another channel) and what is already queued, so a batch replayed after a crash queues each reply once.
 */
@Component
@Reactor("email-outbox")
class EmailConversationEventsListener {

    private final Outbox outbox;

    EmailConversationEventsListener(Outbox outbox) {
        this.outbox = outbox;
    }

    @Reacts
    void on(MessageCreated event) {
        outbox.enqueue(event);
    }
}
