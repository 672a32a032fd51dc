package dev.parley.automation.application;

import dev.parley.conversation.ConversationCreated;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStatusChanged;
import dev.parley.conversation.ConversationUpdated;
import dev.parley.conversation.MessageCreated;
import dev.parley.conversation.MessageType;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/** Maps conversation events to Chatwoot's five automation events and runs their rules after commit. */
@Component
class AutomationTriggers {

    private final RuleRunner runner;

    AutomationTriggers(RuleRunner runner) {
        this.runner = runner;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ConversationCreated e) {
        runner.run(new TriggeringEvent(e.eventId(), "conversation_created", e.accountId(), e.conversationId(), e.displayId(), Map.of(), null,
                e.causedBy()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ConversationUpdated e) {
        runner.run(new TriggeringEvent(e.eventId(), "conversation_updated", e.accountId(), e.conversationId(), e.displayId(),
                e.changedAttributes(), null, e.causedBy()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ConversationStatusChanged e) {
        String name = e.to() == ConversationStatus.OPEN ? "conversation_opened"
                : e.to() == ConversationStatus.RESOLVED ? "conversation_resolved" : null;
        if (name == null) return;
        runner.run(new TriggeringEvent(e.eventId(), name, e.accountId(), e.conversationId(), e.displayId(),
                Map.of("status", java.util.List.of(e.from().apiName(), e.to().apiName())), null, e.causedBy()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(MessageCreated e) {
        if (e.messageType() == MessageType.ACTIVITY) return; // activity lines never trigger rules (Chatwoot)
        runner.run(new TriggeringEvent(e.eventId(), "message_created", e.accountId(), e.conversationId(), e.displayId(), Map.of(),
                e.messageId(), e.causedBy()));
    }
}
