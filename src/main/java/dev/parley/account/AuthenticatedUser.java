package dev.parley.account;

/** A user identified by an access token, before any account is considered. */
public record AuthenticatedUser(long id, String name, String email) {
}
