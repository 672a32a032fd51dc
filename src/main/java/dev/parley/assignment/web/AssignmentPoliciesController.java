package dev.parley.assignment.web;

import dev.parley.account.Membership;
import dev.parley.assignment.AssignmentPolicies;
import dev.parley.assignment.AssignmentPolicyView;
import dev.parley.inbox.InboxQueries;
import dev.parley.shared.AdministratorOnly;
import dev.parley.shared.ResourceNotFound;
import dev.parley.shared.Timestamps;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Chatwoot's assignment policies API and the inbox's policy link; administrators only. */
@RestController
@AdministratorOnly
class AssignmentPoliciesController {

    private final AssignmentPolicies policies;
    private final InboxQueries inboxes;

    AssignmentPoliciesController(AssignmentPolicies policies, InboxQueries inboxes) {
        this.policies = policies;
        this.inboxes = inboxes;
    }

    /** Fields of a policy; Chatwoot clients may wrap them in {@code assignment_policy}. */
    record PolicyFields(String name, String description, String assignmentOrder, String conversationPriority,
                        Integer fairDistributionLimit, Integer fairDistributionWindow, Integer accountCapacityLimit, Boolean enabled) {
    }

    record PolicyRequest(String name, String description, String assignmentOrder, String conversationPriority,
                         Integer fairDistributionLimit, Integer fairDistributionWindow, Integer accountCapacityLimit, Boolean enabled,
                         PolicyFields assignmentPolicy) {
        PolicyFields fields() {
            return assignmentPolicy != null ? assignmentPolicy : new PolicyFields(name, description, assignmentOrder,
                    conversationPriority, fairDistributionLimit, fairDistributionWindow, accountCapacityLimit, enabled);
        }
    }

    record LinkRequest(Long assignmentPolicyId) {
    }

    @GetMapping("/api/v1/accounts/{accountId}/assignment_policies")
    List<AssignmentPolicyJson> index(Membership me) {
        return policies.all(me.accountId()).stream().map(this::json).toList();
    }

    @GetMapping("/api/v1/accounts/{accountId}/assignment_policies/{id}")
    AssignmentPolicyJson show(Membership me, @PathVariable long id) {
        return json(policies.get(me.accountId(), id));
    }

    @PostMapping("/api/v1/accounts/{accountId}/assignment_policies")
    AssignmentPolicyJson create(Membership me, @RequestBody PolicyRequest body) {
        PolicyFields f = body.fields();
        return json(policies.create(me.accountId(), new AssignmentPolicyView(0, me.accountId(), f.name(), f.description(),
                f.assignmentOrder(), f.conversationPriority(), f.fairDistributionLimit() == null ? 0 : f.fairDistributionLimit(),
                f.fairDistributionWindow() == null ? 0 : f.fairDistributionWindow(), f.accountCapacityLimit(),
                f.enabled() == null || f.enabled(), null, null)));
    }

    @PatchMapping("/api/v1/accounts/{accountId}/assignment_policies/{id}")
    AssignmentPolicyJson update(Membership me, @PathVariable long id, @RequestBody PolicyRequest body) {
        AssignmentPolicyView c = policies.get(me.accountId(), id);
        PolicyFields f = body.fields();
        return json(policies.update(me.accountId(), id, new AssignmentPolicyView(id, me.accountId(), or(f.name(), c.name()),
                or(f.description(), c.description()), or(f.assignmentOrder(), c.assignmentOrder()),
                or(f.conversationPriority(), c.conversationPriority()), or(f.fairDistributionLimit(), c.fairDistributionLimit()),
                or(f.fairDistributionWindow(), c.fairDistributionWindow()),
                f.accountCapacityLimit() != null ? f.accountCapacityLimit() : c.accountCapacityLimit(), or(f.enabled(), c.enabled()),
                c.createdAt(), c.updatedAt())));
    }

    @PutMapping("/api/v1/accounts/{accountId}/assignment_policies/{id}")
    AssignmentPolicyJson replace(Membership me, @PathVariable long id, @RequestBody PolicyRequest body) {
        return update(me, id, body);
    }

    @DeleteMapping("/api/v1/accounts/{accountId}/assignment_policies/{id}")
    Map<String, Object> delete(Membership me, @PathVariable long id) {
        policies.delete(me.accountId(), id);
        return Map.of();
    }

    @GetMapping("/api/v1/accounts/{accountId}/assignment_policies/{id}/inboxes")
    List<Map<String, Object>> inboxes(Membership me, @PathVariable long id) {
        return policies.inboxIds(me.accountId(), id).stream().map(inboxId -> inboxes.get(me.accountId(), inboxId))
                .map(i -> Map.<String, Object>of("id", i.id(), "name", i.name(), "channel_type", i.channelType())).toList();
    }

    @GetMapping("/api/v1/accounts/{accountId}/inboxes/{inboxId}/assignment_policy")
    AssignmentPolicyJson inboxPolicy(Membership me, @PathVariable long inboxId) {
        return json(policies.ofInbox(me.accountId(), inboxId).orElseThrow(() -> new ResourceNotFound("Assignment policy")));
    }

    @PostMapping("/api/v1/accounts/{accountId}/inboxes/{inboxId}/assignment_policy")
    AssignmentPolicyJson link(Membership me, @PathVariable long inboxId, @RequestBody LinkRequest body) {
        return json(policies.link(me.accountId(), inboxId, body.assignmentPolicyId()));
    }

    @DeleteMapping("/api/v1/accounts/{accountId}/inboxes/{inboxId}/assignment_policy")
    Map<String, Object> unlink(Membership me, @PathVariable long inboxId) {
        policies.unlink(me.accountId(), inboxId);
        return Map.of();
    }

    /** Chatwoot's assignment policy JSON, with the number of inboxes that use it. */
    record AssignmentPolicyJson(long id, long accountId, String name, String description, String assignmentOrder,
                                String conversationPriority, int fairDistributionLimit, int fairDistributionWindow,
                                Integer accountCapacityLimit, boolean enabled, int assignedInboxCount, Long createdAt, Long updatedAt) {
    }

    private AssignmentPolicyJson json(AssignmentPolicyView p) {
        return new AssignmentPolicyJson(p.id(), p.accountId(), p.name(), p.description(), p.assignmentOrder(), p.conversationPriority(),
                p.fairDistributionLimit(), p.fairDistributionWindow(), p.accountCapacityLimit(), p.enabled(),
                policies.inboxIds(p.accountId(), p.id()).size(), Timestamps.unix(p.createdAt()), Timestamps.unix(p.updatedAt()));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
