package dev.parley.assignment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Routing decisions as pure functions: who qualifies, who is chosen, what a waiting conversation is told. */
class AgentSelectorTests {

    static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    static Candidate agent(long id, boolean online, long openInInbox, Instant lastAssigned, int joinOrder) {
        return new Candidate(id, "agent " + id, online, online ? "online" : "offline", openInInbox, openInInbox, lastAssigned, 0, joinOrder);
    }

    static final RoutingRules ROUND_ROBIN = RoutingRules.defaults();
    static final RoutingRules BALANCED = new RoutingRules(RoutingRules.Order.BALANCED, false, null, null, null, 3600);

    @Test
    void roundRobinPrefersWhoNeverGotOneThenTheLeastRecent() {
        var picked = AgentSelector.choose(List.of(agent(1, true, 0, T, 0), agent(2, true, 0, null, 1), agent(3, true, 0, T.minusSeconds(5), 2)),
                ROUND_ROBIN, null);
        assertThat(picked.chosen().userId()).isEqualTo(2);
        var next = AgentSelector.choose(List.of(agent(1, true, 0, T, 0), agent(3, true, 0, T.minusSeconds(5), 2)), ROUND_ROBIN, null);
        assertThat(next.chosen().userId()).isEqualTo(3);
    }

    @Test
    void joinOrderBreaksTiesAmongNewcomers() {
        var picked = AgentSelector.choose(List.of(agent(7, true, 0, null, 1), agent(5, true, 0, null, 0)), ROUND_ROBIN, null);
        assertThat(picked.chosen().userId()).isEqualTo(5);
    }

    @Test
    void balancedPrefersTheLeastLoaded() {
        var picked = AgentSelector.choose(List.of(agent(1, true, 3, null, 0), agent(2, true, 1, T, 1)), BALANCED, null);
        assertThat(picked.chosen().userId()).isEqualTo(2);
    }

    @Test
    void offlineAndBusyNeverQualify() {
        var busy = new Candidate(2, "b", false, "busy", 0, 0, null, 0, 1);
        var s = AgentSelector.choose(List.of(agent(1, false, 0, null, 0), busy), ROUND_ROBIN, null);
        assertThat(s.assigned()).isFalse();
        assertThat(s.reason()).isEqualTo("no one is online");
        assertThat(s.verdicts()).containsEntry(1L, Verdict.OFFLINE).containsEntry(2L, Verdict.BUSY);
    }

    @Test
    void limitsAreNeverExceeded() {
        var inboxLimit = new RoutingRules(RoutingRules.Order.ROUND_ROBIN, false, 2, null, null, 3600);
        var s = AgentSelector.choose(List.of(agent(1, true, 2, null, 0)), inboxLimit, null);
        assertThat(s.assigned()).isFalse();
        assertThat(s.reason()).isEqualTo("everyone online is at their limit");
        var accountLimit = new RoutingRules(RoutingRules.Order.ROUND_ROBIN, false, null, 3, null, 3600);
        var busyElsewhere = new Candidate(1, "a", true, "online", 0, 3, null, 0, 0);
        assertThat(AgentSelector.choose(List.of(busyElsewhere), accountLimit, null).verdicts()).containsEntry(1L, Verdict.ACCOUNT_LIMIT_REACHED);
        var fair = new RoutingRules(RoutingRules.Order.ROUND_ROBIN, false, null, null, 5, 3600);
        var worked = new Candidate(1, "a", true, "online", 0, 0, T, 5, 0);
        assertThat(AgentSelector.choose(List.of(worked), fair, null).verdicts()).containsEntry(1L, Verdict.FAIR_LIMIT_REACHED);
    }

    @Test
    void teamConversationsGoToTeamMembersOnly() {
        var s = AgentSelector.choose(List.of(agent(1, true, 0, null, 0), agent(2, true, 0, null, 1)), ROUND_ROBIN, Set.of(2L));
        assertThat(s.chosen().userId()).isEqualTo(2);
        var none = AgentSelector.choose(List.of(agent(1, true, 0, null, 0)), ROUND_ROBIN, Set.of(9L));
        assertThat(none.reason()).isEqualTo("no member of the inbox is in the team");
    }

    @Test
    void anEmptyInboxSaysSo() {
        assertThat(AgentSelector.choose(List.of(), ROUND_ROBIN, null).reason()).isEqualTo("the inbox has no members");
    }

    @Test
    void handingOutUpdatesLoadSoTheNextPickRotates() {
        var a = agent(1, true, 0, null, 0);
        var updated = a.withOneMore(T);
        assertThat(updated.openInInbox()).isEqualTo(1);
        assertThat(updated.lastAssignedAt()).isEqualTo(T);
        var s = AgentSelector.choose(List.of(updated, agent(2, true, 0, null, 1)), ROUND_ROBIN, null);
        assertThat(s.chosen().userId()).isEqualTo(2);
    }
}
