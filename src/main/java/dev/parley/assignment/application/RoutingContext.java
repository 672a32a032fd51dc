package dev.parley.assignment.application;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.assignment.AssignmentPolicyView;
import dev.parley.assignment.domain.Candidate;
import dev.parley.assignment.domain.RoutingRules;
import dev.parley.assignment.persistence.PolicyRepository;
import dev.parley.assignment.persistence.RoutingRepository;
import dev.parley.conversation.ConversationQueries;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.presence.PresenceQueries;
import dev.parley.presence.PresenceView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Loads what routing needs for one inbox in a handful of queries: its rules and its candidates. */
@Component
class RoutingContext {

    private final InboxQueries inboxes;
    private final PolicyRepository policies;
    private final RoutingRepository routing;
    private final ConversationQueries conversations;
    private final PresenceQueries presence;
    private final AccountQueries accounts;
    private final Clock clock;

    RoutingContext(InboxQueries inboxes, PolicyRepository policies, RoutingRepository routing, ConversationQueries conversations,
                   PresenceQueries presence, AccountQueries accounts, Clock clock) {
        this.inboxes = inboxes;
        this.policies = policies;
        this.routing = routing;
        this.conversations = conversations;
        this.presence = presence;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Why auto-assignment does not run in this inbox, or null when it does. A linked policy that is
     * disabled stops it (Chatwoot's assignment v2: an inbox with a policy assigns only while the policy is
     * enabled), rather than falling back to the inbox's defaults.
     */
    String stopReason(InboxView inbox) {
        if (!inbox.enableAutoAssignment()) return "auto-assignment is off for this inbox";
        return policies.ofInbox(inbox.id()).filter(p -> !p.enabled())
                .map(p -> "the inbox's assignment policy " + p.name() + " is disabled").orElse(null);
    }

    /** The inbox's limits and order: its policy's settings (enabled or not: team routing still follows them), else defaults. */
    RoutingRules rules(InboxView inbox) {
        Optional<AssignmentPolicyView> policy = policies.ofInbox(inbox.id());
        Integer inboxLimit = positiveInt(inbox.autoAssignmentConfig().get("max_assignment_limit"));
        if (policy.isEmpty()) return new RoutingRules(RoutingRules.Order.ROUND_ROBIN, false, inboxLimit, null, null, 3600);
        AssignmentPolicyView p = policy.get();
        return new RoutingRules("balanced".equals(p.assignmentOrder()) ? RoutingRules.Order.BALANCED : RoutingRules.Order.ROUND_ROBIN,
                "longest_waiting".equals(p.conversationPriority()), inboxLimit, p.accountCapacityLimit(), p.fairDistributionLimit(),
                p.fairDistributionWindow());
    }

    /** The inbox's members, in join order, with presence and load. */
    List<Candidate> candidates(InboxView inbox, RoutingRules rules) {
        List<Long> members = inboxes.memberIds(inbox.id());
        if (members.isEmpty()) return List.of();
        Instant now = clock.instant();
        Set<Long> online = presence.onlineAmong(inbox.accountId(), members);
        Map<Long, String> availability = presence.all(inbox.accountId(), members).stream()
                .collect(Collectors.toMap(PresenceView::userId, PresenceView::availability));
        Map<Long, Long> inInbox = conversations.openCounts(inbox.accountId(), inbox.id(), members);
        Map<Long, Long> inAccount = rules.accountLimit() == null ? inInbox : conversations.openCounts(inbox.accountId(), null, members);
        Map<Long, Instant> last = routing.lastAssignedAt(inbox.id(), members);
        Map<Long, Long> window = rules.fairLimit() == null ? Map.of()
                : routing.assignedSince(inbox.id(), members, now.minusSeconds(rules.fairWindowSeconds()));
        Map<Long, String> names = accounts.agents(inbox.accountId()).stream()
                .collect(Collectors.toMap(AgentView::id, AgentView::availableName));
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            long id = members.get(i);
            candidates.add(new Candidate(id, names.getOrDefault(id, "agent " + id), online.contains(id),
                    availability.getOrDefault(id, "offline"), inInbox.getOrDefault(id, 0L), inAccount.getOrDefault(id, 0L),
                    last.get(id), window.getOrDefault(id, 0L), i));
        }
        return candidates;
    }

    static Integer positiveInt(Object value) {
        if (value instanceof Number n && n.longValue() > 0) return n.intValue();
        if (value instanceof String s && s.matches("\\d+") && Long.parseLong(s) > 0) return Integer.parseInt(s);
        return null;
    }
}
