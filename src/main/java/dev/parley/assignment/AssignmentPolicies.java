package dev.parley.assignment;

import dev.parley.assignment.persistence.PolicyRepository;
import dev.parley.inbox.InboxQueries;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chatwoot's assignment policies: create, change, delete, and link one policy to an inbox. A change that
 * can alter routing (settings, a link) is announced, so the inboxes concerned are routed again at once.
 */
@Service
@Transactional
public class AssignmentPolicies {

    private static final List<String> ORDERS = List.of("round_robin", "balanced");
    private static final List<String> PRIORITIES = List.of("earliest_created", "longest_waiting");

    private final PolicyRepository policies;
    private final InboxQueries inboxes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public AssignmentPolicies(PolicyRepository policies, InboxQueries inboxes, ApplicationEventPublisher events, Clock clock) {
        this.policies = policies;
        this.inboxes = inboxes;
        this.events = events;
        this.clock = clock;
    }

    public AssignmentPolicyView create(long accountId, AssignmentPolicyView p) {
        AssignmentPolicyView filled = new AssignmentPolicyView(0, accountId, p.name() == null ? null : p.name().trim(), p.description(),
                or(p.assignmentOrder(), "round_robin"), or(p.conversationPriority(), "earliest_created"),
                p.fairDistributionLimit() == 0 ? 100 : p.fairDistributionLimit(),
                p.fairDistributionWindow() == 0 ? 3600 : p.fairDistributionWindow(), p.accountCapacityLimit(), p.enabled(), null, null);
        check(filled);
        return policies.insert(filled);
    }

    public AssignmentPolicyView update(long accountId, long id, AssignmentPolicyView merged) {
        AssignmentPolicyView before = get(accountId, id);
        check(merged);
        policies.update(merged);
        AssignmentPolicyView after = get(accountId, id);
        if (!sameSettings(before, after)) {
            events.publishEvent(new AssignmentPolicyChanged(UUID.randomUUID(), clock.instant(), accountId, id, policies.inboxIds(id),
                    before.enabled(), after.enabled()));
        }
        return after;
    }

    public void delete(long accountId, long id) {
        get(accountId, id);
        List<Long> linked = policies.inboxIds(id);
        policies.delete(id);
        linked.forEach(inboxId -> events.publishEvent(
                new InboxAssignmentPolicyChanged(UUID.randomUUID(), clock.instant(), accountId, inboxId, id, null)));
    }

    @Transactional(readOnly = true)
    public AssignmentPolicyView get(long accountId, long id) {
        return policies.find(accountId, id).orElseThrow(() -> new ResourceNotFound("Assignment policy"));
    }

    @Transactional(readOnly = true)
    public List<AssignmentPolicyView> all(long accountId) {
        return policies.all(accountId);
    }

    @Transactional(readOnly = true)
    public List<Long> inboxIds(long accountId, long policyId) {
        get(accountId, policyId);
        return policies.inboxIds(policyId);
    }

    @Transactional(readOnly = true)
    public Optional<AssignmentPolicyView> ofInbox(long accountId, long inboxId) {
        inboxes.get(accountId, inboxId);
        return policies.ofInbox(inboxId);
    }

    public AssignmentPolicyView link(long accountId, long inboxId, Long policyId) {
        if (policyId == null) throw InvalidInput.of("assignment_policy_id", "can't be blank");
        inboxes.get(accountId, inboxId);
        AssignmentPolicyView policy = policies.find(accountId, policyId)
                .orElseThrow(() -> InvalidInput.of("assignment_policy_id", "does not exist in this account"));
        Long before = policies.ofInbox(inboxId).map(AssignmentPolicyView::id).orElse(null);
        policies.link(inboxId, policyId);
        if (!Objects.equals(before, policyId)) {
            events.publishEvent(new InboxAssignmentPolicyChanged(UUID.randomUUID(), clock.instant(), accountId, inboxId, before, policyId));
        }
        return policy;
    }

    public void unlink(long accountId, long inboxId) {
        inboxes.get(accountId, inboxId);
        Long before = policies.ofInbox(inboxId).map(AssignmentPolicyView::id).orElse(null);
        if (!policies.unlink(inboxId)) throw new ResourceNotFound("Assignment policy");
        events.publishEvent(new InboxAssignmentPolicyChanged(UUID.randomUUID(), clock.instant(), accountId, inboxId, before, null));
    }

    /** Everything but the timestamps: an update that only touches updated_at changes no routing. */
    private static boolean sameSettings(AssignmentPolicyView a, AssignmentPolicyView b) {
        return Objects.equals(a.name(), b.name()) && Objects.equals(a.description(), b.description())
                && Objects.equals(a.assignmentOrder(), b.assignmentOrder()) && Objects.equals(a.conversationPriority(), b.conversationPriority())
                && a.fairDistributionLimit() == b.fairDistributionLimit() && a.fairDistributionWindow() == b.fairDistributionWindow()
                && Objects.equals(a.accountCapacityLimit(), b.accountCapacityLimit()) && a.enabled() == b.enabled();
    }

    private void check(AssignmentPolicyView p) {
        var errors = new Errors().requireText("name", p.name()).maxLength("name", p.name(), 255)
                .oneOf("assignment_order", p.assignmentOrder(), ORDERS).oneOf("conversation_priority", p.conversationPriority(), PRIORITIES);
        if (p.fairDistributionLimit() <= 0) errors.add("fair_distribution_limit", "must be greater than 0");
        if (p.fairDistributionWindow() <= 0) errors.add("fair_distribution_window", "must be greater than 0");
        if (p.accountCapacityLimit() != null && p.accountCapacityLimit() <= 0) errors.add("account_capacity_limit", "must be greater than 0");
        errors.throwIfAny();
        if (policies.nameTaken(p.accountId(), p.name(), p.id())) throw InvalidInput.of("name", "has already been taken");
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
