package dev.parley.sla;

import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStatusChanged;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageCreated;
import dev.parley.conversation.MessageType;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.shared.timers.TimerKey;
import dev.parley.shared.timers.TimerView;
import dev.parley.shared.timers.Timers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Arms and cancels the SLA timers of a conversation, in the transaction of the change that causes it: applying a
 * policy arms first response and resolution from the conversation's creation (and next response if the customer
 * is waiting for one); a customer message after the first reply arms next response from the first unanswered
 * message; an agent's public reply cancels first and next response; a resolution cancels all three and settles
 * the SLA (hit or missed). Deadlines in business hours are due when that much of the inbox's open time passed.
 */
@Component
class SlaClock {

    static final String KIND = "sla";

    private final SlaStore store;
    private final Timers timers;
    private final ConversationQueries conversations;
    private final InboxQueries inboxes;

    SlaClock(SlaStore store, Timers timers, ConversationQueries conversations, InboxQueries inboxes) {
        this.store = store;
        this.timers = timers;
        this.conversations = conversations;
        this.inboxes = inboxes;
    }

    /** Arms the deadlines a newly applied policy sets for the conversation as it is now. */
    void armApplied(long appliedId, SlaPolicyView policy, ConversationView c, String by) {
        if (c.status() == ConversationStatus.RESOLVED) return;
        if (c.firstReplyCreatedAt() == null) arm(appliedId, policy, c, "frt", policy.firstResponseTimeThreshold(), c.createdAt(), by);
        else if (c.waitingSince() != null) arm(appliedId, policy, c, "nrt", policy.nextResponseTimeThreshold(), c.waitingSince(), by);
        arm(appliedId, policy, c, "rt", policy.resolutionTimeThreshold(), c.createdAt(), by);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(MessageCreated e) {
        if (e.messageType() == MessageType.ACTIVITY || e.isPrivate()) return;
        boolean incoming = e.messageType() == MessageType.INCOMING;
        if (!incoming && !e.humanReply()) return;
        if (!store.anyPolicy(e.accountId())) return; // no policy, so no SLA applied: no read per message
        AppliedSlaView applied = store.applied(e.conversationId()).orElse(null);
        if (applied == null) return;
        if (!incoming) {
            String why = "an agent replied (message " + e.messageId() + ")";
            timers.cancel(key(e.conversationId(), "frt"), why);
            timers.cancel(key(e.conversationId(), "nrt"), why);
            return;
        }
        ConversationView c = conversations.findById(e.conversationId()).orElseThrow();
        if (c.firstReplyCreatedAt() == null || c.status() == ConversationStatus.RESOLVED) return; // first response still pending
        Instant since = c.waitingSince() == null ? e.occurredAt() : c.waitingSince();
        arm(applied.id(), applied.policy(), c, "nrt", applied.policy().nextResponseTimeThreshold(), since, "customer message " + e.messageId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ConversationStatusChanged e) {
        if (e.to() != ConversationStatus.RESOLVED) return;
        if (!store.anyPolicy(e.accountId())) return;
        AppliedSlaView applied = store.applied(e.conversationId()).orElse(null);
        if (applied == null) return;
        for (String metric : List.of("frt", "nrt", "rt")) timers.cancel(key(e.conversationId(), metric), "the conversation was resolved");
        store.settle(applied.id(), e.occurredAt());
    }

    /** The conversation's pending deadlines, soonest first. */
    List<SlaDue> pending(long conversationId) {
        List<SlaDue> due = new ArrayList<>();
        for (TimerView t : timers.ofConversation(conversationId, KIND, 10)) {
            if (t.pending()) due.add(new SlaDue(String.valueOf(t.payload().get("metric")), t.dueAt()));
        }
        return due;
    }

    private void arm(long appliedId, SlaPolicyView policy, ConversationView c, String metric, Double thresholdSeconds, Instant from, String by) {
        if (thresholdSeconds == null || thresholdSeconds <= 0) return;
        Duration threshold = Duration.ofMillis(Math.round(thresholdSeconds * 1000));
        Instant due = policy.onlyDuringBusinessHours()
                ? inboxes.find(c.accountId(), c.inboxId()).map(InboxView::workingHours).orElseThrow().afterOpenTime(from, threshold)
                : from.plus(threshold);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("metric", metric);
        payload.put("applied_sla_id", appliedId);
        payload.put("sla_policy_id", policy.id());
        payload.put("threshold_seconds", thresholdSeconds);
        if (policy.onlyDuringBusinessHours()) payload.put("business_hours", true);
        timers.arm(key(c.id(), metric), "sla:" + appliedId, c.accountId(), c.id(), due, payload, by);
    }

    static TimerKey key(long conversationId, String metric) {
        return new TimerKey(KIND, "conversation:" + conversationId + ":" + metric);
    }
}
