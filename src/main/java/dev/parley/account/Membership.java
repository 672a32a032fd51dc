package dev.parley.account;

import dev.parley.shared.Actor;

/** The authenticated caller as a member of the account named in the request path. */
public record Membership(long accountId, long userId, String name, String email, Role role) {

    public boolean isAdministrator() {
        return role == Role.ADMINISTRATOR;
    }

    public Actor actor() {
        return Actor.user(userId, name);
    }
}
