package dev.parley.email.application;

import dev.parley.conversation.MessageCreated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Replies written in email conversations go to the outbox. Only a public outgoing or template message can be a mail
 * (what {@link Outbox#enqueue} checks first): the condition keeps every other message, a customer's above all, out
 * of the event publication registry, where each would cost an insert and two updates for nothing.
 */
@Component
class EmailConversationEventsListener {

    private final Outbox outbox;

    EmailConversationEventsListener(Outbox outbox) {
        this.outbox = outbox;
    }

    @ApplicationModuleListener(condition = "!#event.isPrivate() and (#event.messageType().name() == 'OUTGOING' or #event.messageType().name() == 'TEMPLATE')")
    void on(MessageCreated event) {
        outbox.enqueue(event);
    }
}
