package dev.parley.sla;

import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import dev.parley.shared.timers.DueTimer;
import dev.parley.shared.timers.TimerHandler;
import dev.parley.shared.timers.TimerResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Fires an SLA deadline: with the conversation locked, checks that the policy is still applied and that the
 * conversation is still waiting for what the deadline measured (no first reply; the customer still waiting for a
 * next one; not resolved); then records the breach (once per timer) with the assignee, team and inbox of now, and
 * publishes {@link SlaBreached}, all in the firing transaction.
 */
@Component
class SlaBreachTimer implements TimerHandler {

    private final SlaStore store;
    private final ConversationManagement conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SlaBreachTimer(SlaStore store, ConversationManagement conversations, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return SlaClock.KIND;
    }

    @Override
    public void lockSubject(DueTimer timer) {
        conversations.lockForChange(timer.conversationId());
    }

    @Override
    public TimerResult fire(DueTimer timer) {
        String metric = String.valueOf(timer.payload().get("metric"));
        long appliedId = ((Number) timer.payload().get("applied_sla_id")).longValue();
        AppliedSlaView applied = store.applied(timer.conversationId()).filter(a -> a.id() == appliedId).orElse(null);
        if (applied == null) return TimerResult.skipped("the SLA is no longer applied");
        ConversationView c = conversations.lockForChange(timer.conversationId());
        String met = c.status() == ConversationStatus.RESOLVED ? "the conversation is resolved"
                : "frt".equals(metric) && c.firstReplyCreatedAt() != null ? "first reply at " + c.firstReplyCreatedAt()
                : "nrt".equals(metric) && c.waitingSince() == null ? "an agent replied"
                : null;
        if (met != null) return TimerResult.skipped(met);
        Instant now = clock.instant();
        Map<String, Object> meta = Map.of("threshold_seconds", timer.payload().getOrDefault("threshold_seconds", 0),
                "business_hours", timer.payload().containsKey("business_hours"));
        if (!store.recordBreach(applied, c.inboxId(), c.assigneeId(), c.teamId(), metric, timer.id(), timer.dueAt(), meta, now)) {
            return TimerResult.skipped("breach already recorded");
        }
        events.publishEvent(new SlaBreached(UUID.randomUUID(), now, c.accountId(), c.id(), c.displayId(), c.inboxId(), applied.policy().id(),
                applied.policy().name(), metric, timer.dueAt(), c.assigneeId(), c.teamId()));
        return TimerResult.fired(metric + " breached (policy \"" + applied.policy().name() + "\")");
    }
}
