package dev.parley.assignment.application;

import dev.parley.account.TeamView;
import dev.parley.account.Teams;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What routing may do with a team's conversation: hand it to one of {@code members}, or nothing at all
 * when the team does not allow auto-assignment ({@code closedReason} says so).
 */
record TeamRoute(Set<Long> members, String closedReason) {

    static TeamRoute of(Teams teams, long accountId, long teamId) {
        Optional<TeamView> team = teams.find(accountId, teamId);
        if (team.isPresent() && !team.get().allowAutoAssign()) {
            return new TeamRoute(Set.of(), "the team " + team.get().name() + " does not allow auto-assignment");
        }
        return new TeamRoute(new HashSet<>(teams.memberIds(accountId, teamId)), null);
    }
}
