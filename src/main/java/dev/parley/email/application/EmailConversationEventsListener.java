package dev.parley.email.application;

import dev.parley.conversation.MessageCreated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Replies written in email conversations go to the outbox. */
@Component
class EmailConversationEventsListener {

    private final Outbox outbox;

    EmailConversationEventsListener(Outbox outbox) {
        this.outbox = outbox;
    }

    @ApplicationModuleListener
    void on(MessageCreated event) {
        outbox.enqueue(event);
    }
}
