package dev.parley.account;

/** A team of agents in one account. */
public record TeamView(long id, long accountId, String name, String description, boolean allowAutoAssign) {
}
