package dev.parley.assignment.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the agent for one conversation. Only online agents under every limit qualify; round robin
 * takes the one who got a conversation here least recently (never first, then join order); balanced
 * takes the one with the fewest open conversations in the inbox, then least recently assigned.
 */
public final class AgentSelector {

    private static final Comparator<Candidate> LEAST_RECENTLY_ASSIGNED = Comparator
            .comparing(Candidate::lastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingInt(Candidate::joinOrder);

    private AgentSelector() {
    }

    /** @param team the team's members when the conversation has a team (only they qualify), otherwise null */
    public static Selection choose(Collection<Candidate> candidates, RoutingRules rules, Set<Long> team) {
        Map<Long, Verdict> verdicts = new LinkedHashMap<>();
        for (Candidate c : candidates) verdicts.put(c.userId(), verdict(c, rules, team));
        List<Candidate> eligible = candidates.stream().filter(c -> verdicts.get(c.userId()) == Verdict.AVAILABLE).toList();
        if (eligible.isEmpty()) return new Selection(null, reasonNobody(verdicts), verdicts);
        Comparator<Candidate> order = rules.order() == RoutingRules.Order.BALANCED
                ? Comparator.comparingLong(Candidate::openInInbox).thenComparing(LEAST_RECENTLY_ASSIGNED)
                : LEAST_RECENTLY_ASSIGNED;
        Candidate chosen = eligible.stream().min(order).orElseThrow();
        String why = rules.order() == RoutingRules.Order.BALANCED
                ? "fewest open conversations (" + chosen.openInInbox() + ") among " + eligible.size() + " available"
                : "least recently assigned among " + eligible.size() + " available";
        return new Selection(chosen, why, verdicts);
    }

    static Verdict verdict(Candidate c, RoutingRules rules, Set<Long> team) {
        if (team != null && !team.contains(c.userId())) return Verdict.NOT_IN_TEAM;
        if (!c.online()) return "busy".equals(c.availability()) ? Verdict.BUSY : Verdict.OFFLINE;
        if (rules.inboxLimit() != null && c.openInInbox() >= rules.inboxLimit()) return Verdict.INBOX_LIMIT_REACHED;
        if (rules.accountLimit() != null && c.openInAccount() >= rules.accountLimit()) return Verdict.ACCOUNT_LIMIT_REACHED;
        if (rules.fairLimit() != null && c.assignedInWindow() >= rules.fairLimit()) return Verdict.FAIR_LIMIT_REACHED;
        return Verdict.AVAILABLE;
    }

    /** One sentence for a waiting conversation: no members, no one online, or everyone online is full. */
    static String reasonNobody(Map<Long, Verdict> verdicts) {
        if (verdicts.isEmpty()) return "the inbox has no members";
        if (verdicts.values().stream().allMatch(v -> v == Verdict.NOT_IN_TEAM)) return "no member of the inbox is in the team";
        boolean anyoneOnline = verdicts.values().stream()
                .anyMatch(v -> v != Verdict.OFFLINE && v != Verdict.BUSY && v != Verdict.NOT_IN_TEAM);
        if (!anyoneOnline) return "no one is online";
        return "everyone online is at their limit";
    }
}
