package dev.parley.automation.application;

import dev.parley.conversation.ConversationCreated;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStatusChanged;
import dev.parley.conversation.ConversationUpdated;
import dev.parley.conversation.MessageCreated;
import dev.parley.conversation.MessageType;
import dev.parley.automation.domain.MessageFacts;
import dev.parley.sla.SlaBreached;
import java.util.Map;
import dev.parley.shared.reactors.Reactor;
import dev.parley.shared.reactors.Reacts;
import org.springframework.stereotype.Component;

/** Maps conversation events to Chatwoot's five automation events and runs their rules after commit. */
@Component
@Reactor(value = "automation", ownTransactions = true)
class AutomationTriggers {

    private final RuleRunner runner;

    AutomationTriggers(RuleRunner runner) {
        this.runner = runner;
    }

    @Reacts
    void on(ConversationCreated e) {
        runner.run(new TriggeringEvent(e.eventId(), "conversation_created", e.accountId(), e.conversationId(), e.displayId(), Map.of(), null,
                e.causedBy()));
    }

    @Reacts
    void on(ConversationUpdated e) {
        runner.run(new TriggeringEvent(e.eventId(), "conversation_updated", e.accountId(), e.conversationId(), e.displayId(),
                e.changedAttributes(), null, e.causedBy()));
    }

    @Reacts
    void on(ConversationStatusChanged e) {
        String name = e.to() == ConversationStatus.OPEN ? "conversation_opened"
                : e.to() == ConversationStatus.RESOLVED ? "conversation_resolved" : null;
        if (name == null) return;
        runner.run(new TriggeringEvent(e.eventId(), name, e.accountId(), e.conversationId(), e.displayId(),
                Map.of("status", java.util.List.of(e.from().apiName(), e.to().apiName())), null, e.causedBy()));
    }

    @Reacts
    void on(MessageCreated e) {
        if (e.messageType() == MessageType.ACTIVITY) return; // activity lines never trigger rules (Chatwoot)
        // the message's facts as the event carries them (true at commit): the snapshot need not read the message again
        MessageFacts facts = e.content() == null ? null : new MessageFacts(e.messageType().apiName(), e.content(), e.isPrivate());
        runner.run(new TriggeringEvent(e.eventId(), "message_created", e.accountId(), e.conversationId(), e.displayId(), Map.of(),
                e.messageId(), e.causedBy(), facts));
    }

    /** Parley's {@code sla_breached} event (Chatwoot has none): the change map says which deadline was missed. */
    @Reacts
    void on(SlaBreached e) {
        runner.run(new TriggeringEvent(e.eventId(), "sla_breached", e.accountId(), e.conversationId(), e.displayId(),
                Map.of("sla_event", java.util.List.of(e.eventType())), null, dev.parley.shared.Actor.system()));
    }
}
