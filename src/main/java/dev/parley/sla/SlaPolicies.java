package dev.parley.sla;

import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationView;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** SLA policies of an account, applying one to a conversation, and what a conversation's SLA looks like now. */
@Component
public class SlaPolicies {

    private final SlaStore store;
    private final SlaClock slaClock;
    private final ConversationManagement conversations;
    private final Clock clock;

    SlaPolicies(SlaStore store, SlaClock slaClock, ConversationManagement conversations, Clock clock) {
        this.store = store;
        this.slaClock = slaClock;
        this.conversations = conversations;
        this.clock = clock;
    }

    public List<SlaPolicyView> all(long accountId) {
        return store.policies(accountId);
    }

    public SlaPolicyView get(long accountId, long id) {
        return store.policy(accountId, id).orElseThrow(() -> new ResourceNotFound("SLA policy"));
    }

    @Transactional
    public SlaPolicyView create(long accountId, SlaPolicyInput in) {
        new Errors().requireText("name", in.name()).throwIfAny();
        checkThresholds(in);
        return get(accountId, store.insert(accountId, in, clock.instant()));
    }

    /** Changes the policy; SLAs already applied keep the deadlines they were armed with (Chatwoot's too). */
    @Transactional
    public SlaPolicyView update(long accountId, long id, SlaPolicyInput in) {
        SlaPolicyView p = get(accountId, id);
        if (in.name() != null && in.name().isBlank()) throw InvalidInput.of("name", "can't be blank");
        checkThresholds(in);
        SlaPolicyView changed = new SlaPolicyView(p.id(), p.accountId(), in.name() == null ? p.name() : in.name(),
                in.description() == null ? p.description() : in.description(),
                in.firstResponseTimeThreshold() == null ? p.firstResponseTimeThreshold() : in.firstResponseTimeThreshold(),
                in.nextResponseTimeThreshold() == null ? p.nextResponseTimeThreshold() : in.nextResponseTimeThreshold(),
                in.resolutionTimeThreshold() == null ? p.resolutionTimeThreshold() : in.resolutionTimeThreshold(),
                in.onlyDuringBusinessHours() == null ? p.onlyDuringBusinessHours() : in.onlyDuringBusinessHours(), p.createdAt(), p.updatedAt());
        store.update(changed, clock.instant());
        return get(accountId, id);
    }

    @Transactional
    public void delete(long accountId, long id) {
        get(accountId, id);
        store.delete(accountId, id);
    }

    /**
     * Applies the policy to the conversation (inside the caller's transaction, e.g. a rule's) and arms its deadlines;
     * empty when the conversation already has an SLA (Chatwoot applies one policy per conversation).
     */
    @Transactional
    public Optional<AppliedSlaView> apply(long accountId, long conversationId, long policyId, String by) {
        SlaPolicyView policy = get(accountId, policyId);
        ConversationView c = conversations.lockForChange(conversationId);
        if (c.accountId() != accountId) throw new ResourceNotFound("Conversation");
        Instant now = clock.instant();
        Optional<Long> applied = store.apply(accountId, conversationId, policyId, now);
        applied.ifPresent(id -> slaClock.armApplied(id, policy, c, by));
        return applied.flatMap(id -> store.applied(conversationId));
    }

    public Optional<AppliedSlaView> applied(long conversationId) {
        return store.applied(conversationId);
    }

    public List<AppliedSlaView> applied(List<Long> conversationIds) {
        return store.applied(conversationIds);
    }

    /** The breaches of these conversations, oldest first. */
    public List<SlaEventView> events(List<Long> conversationIds) {
        return store.events(conversationIds);
    }

    /** The conversation's pending deadlines, soonest first. */
    public List<SlaDue> pending(long conversationId) {
        return slaClock.pending(conversationId);
    }

    /** Breaches in [since, until) per {@code agent}, {@code team} or {@code inbox}. */
    public List<BreachCount> breachesBy(long accountId, String dimension, Instant since, Instant until) {
        String column = switch (dimension) {
            case "agent" -> "assignee_id";
            case "team" -> "team_id";
            case "inbox" -> "inbox_id";
            default -> throw InvalidInput.of("group_by", "must be agent, team or inbox");
        };
        return store.breachesBy(accountId, column, since, until);
    }

    /** Chatwoot's applied SLA metrics in the range: {total applied, with a breach}. */
    public long[] metrics(long accountId, Instant since, Instant until) {
        return store.metrics(accountId, since, until);
    }

    private static void checkThresholds(SlaPolicyInput in) {
        for (Double t : new Double[] {in.firstResponseTimeThreshold(), in.nextResponseTimeThreshold(), in.resolutionTimeThreshold()}) {
            if (t != null && t < 0) throw InvalidInput.of("base", "Thresholds must be positive numbers of seconds");
        }
    }
}
