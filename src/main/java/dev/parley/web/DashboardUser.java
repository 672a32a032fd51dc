package dev.parley.web;

import java.io.Serializable;

/**
 * The person signed in to the dashboard (kept in the HTTP session), with the session epoch she signed in under: when
 * her epoch moves on ("sign out everywhere", a password set through a link) the session ends.
 */
public record DashboardUser(long id, String name, String email, int epoch) implements Serializable {
}
