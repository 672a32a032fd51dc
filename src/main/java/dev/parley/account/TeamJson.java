package dev.parley.account;

/** Chatwoot's team JSON. */
public record TeamJson(long id, String name, String description, boolean allowAutoAssign, long accountId, boolean isMember) {

    public static TeamJson of(TeamView team, boolean isMember) {
        return new TeamJson(team.id(), team.name(), team.description(), team.allowAutoAssign(), team.accountId(), isMember);
    }
}
