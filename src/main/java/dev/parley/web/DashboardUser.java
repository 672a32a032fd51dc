package dev.parley.web;

import java.io.Serializable;

/** The person signed in to the dashboard (kept in the HTTP session). */
public record DashboardUser(long id, String name, String email) implements Serializable {
}
