package dev.parley.assignment;

import dev.parley.assignment.persistence.PolicyRepository;
import dev.parley.inbox.InboxQueries;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Chatwoot's assignment policies: create, change, delete, and link one policy to an inbox. */
@Service
@Transactional
public class AssignmentPolicies {

    private static final List<String> ORDERS = List.of("round_robin", "balanced");
    private static final List<String> PRIORITIES = List.of("earliest_created", "longest_waiting");

    private final PolicyRepository policies;
    private final InboxQueries inboxes;

    public AssignmentPolicies(PolicyRepository policies, InboxQueries inboxes) {
        this.policies = policies;
        this.inboxes = inboxes;
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
        get(accountId, id);
        check(merged);
        policies.update(merged);
        return get(accountId, id);
    }

    public void delete(long accountId, long id) {
        get(accountId, id);
        policies.delete(id);
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
        policies.link(inboxId, policyId);
        return policy;
    }

    public void unlink(long accountId, long inboxId) {
        inboxes.get(accountId, inboxId);
        if (!policies.unlink(inboxId)) throw new ResourceNotFound("Assignment policy");
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
