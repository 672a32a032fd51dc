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
import dev.parley.automation.persistence.ExecutionRepository;
import dev.parley.contact.ContactQueries;
import dev.parley.conversation.ConversationQueries;
import dev.parley.shared.reactors.AfterBatch;
import dev.parley.shared.reactors.BeforeBatch;
import java.util.ArrayList;
import java.util.List;
import dev.parley.shared.reactors.Reactor;
import dev.parley.shared.reactors.Reacts;
import org.springframework.stereotype.Component;

/**
 * Maps conversation events to Chatwoot's five automation events and runs their rules after commit. The logs of a
 * batch's events where no action is due (most events: no rule matched) are written after the batch in one statement
 * ({@link UnclaimedRuns}); an event whose rules matched is claimed and acted on in a transaction of its own.
 */
@Component
@Reactor(value = "automation", ownTransactions = true)
class AutomationTriggers {

    private final RuleRunner runner;
    private final ExecutionRepository executions;
    private final ConversationQueries conversations;
    private final ContactQueries contacts;
    private final UnclaimedRuns unclaimed = new UnclaimedRuns();
    /** What the batch in hand is evaluated against (null outside a batch: each event reads its own). */
    private volatile BatchFacts facts;

    AutomationTriggers(RuleRunner runner, ExecutionRepository executions, ConversationQueries conversations, ContactQueries contacts) {
        this.runner = runner;
        this.executions = executions;
        this.conversations = conversations;
        this.contacts = contacts;
    }

    private void run(TriggeringEvent event) {
        runner.run(event, unclaimed, facts);
    }

    /** The batch's conversations, their contacts and the triggering messages: read once for the batch (if a rule runs), not per event. */
    @BeforeBatch
    void readFacts(List<Object> events) {
        List<BatchFacts.Wanted> wanted = new ArrayList<>();
        for (Object e : events) {
            if (e instanceof MessageCreated m) wanted.add(new BatchFacts.Wanted(m.accountId(), m.conversationId(), m.messageId()));
            else if (e instanceof ConversationCreated c) wanted.add(new BatchFacts.Wanted(c.accountId(), c.conversationId(), null));
            else if (e instanceof ConversationUpdated u) wanted.add(new BatchFacts.Wanted(u.accountId(), u.conversationId(), null));
            else if (e instanceof ConversationStatusChanged s) wanted.add(new BatchFacts.Wanted(s.accountId(), s.conversationId(), null));
            else if (e instanceof SlaBreached b) wanted.add(new BatchFacts.Wanted(b.accountId(), b.conversationId(), null));
        }
        facts = BatchFacts.of(wanted, conversations, contacts);
        unclaimed.clear(); // runs kept by a batch that failed before its write: this batch evaluates those events again
    }

    /**
     * The batch's events are evaluated: their runs where no action was due are claimed and logged, in one statement in
     * the batch's transaction (committed with the cursor's move, no commit of their own).
     */
    @AfterBatch(inBatchTransaction = true)
    void writeUnclaimedRuns() {
        facts = null; // a retried failure, one event alone, reads what it needs
        unclaimed.writeTo(executions, runner::forgetRules);
    }

    @Reacts
    void on(ConversationCreated e) {
        run(new TriggeringEvent(e.eventId(), "conversation_created", e.accountId(), e.conversationId(), e.displayId(), Map.of(), null,
                e.causedBy()));
    }

    @Reacts
    void on(ConversationUpdated e) {
        run(new TriggeringEvent(e.eventId(), "conversation_updated", e.accountId(), e.conversationId(), e.displayId(),
                e.changedAttributes(), null, e.causedBy()));
    }

    @Reacts
    void on(ConversationStatusChanged e) {
        String name = e.to() == ConversationStatus.OPEN ? "conversation_opened"
                : e.to() == ConversationStatus.RESOLVED ? "conversation_resolved" : null;
        if (name == null) return;
        run(new TriggeringEvent(e.eventId(), name, e.accountId(), e.conversationId(), e.displayId(),
                Map.of("status", java.util.List.of(e.from().apiName(), e.to().apiName())), null, e.causedBy()));
    }

    @Reacts
    void on(MessageCreated e) {
        if (e.messageType() == MessageType.ACTIVITY) return; // activity lines never trigger rules (Chatwoot)
        // the message's facts as the event carries them (true at commit): the snapshot need not read the message again
        MessageFacts message = e.content() == null ? null : new MessageFacts(e.messageType().apiName(), e.content(), e.isPrivate());
        run(new TriggeringEvent(e.eventId(), "message_created", e.accountId(), e.conversationId(), e.displayId(), Map.of(),
                e.messageId(), e.causedBy(), message));
    }

    /** Parley's {@code sla_breached} event (Chatwoot has none): the change map says which deadline was missed. */
    @Reacts
    void on(SlaBreached e) {
        run(new TriggeringEvent(e.eventId(), "sla_breached", e.accountId(), e.conversationId(), e.displayId(),
                Map.of("sla_event", java.util.List.of(e.eventType())), null, dev.parley.shared.Actor.system()));
    }
}
