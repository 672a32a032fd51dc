package dev.parley.sla;

/** Breaches of one agent, team or inbox: in all and per kind. */
public record BreachCount(Long id, long breaches, long frt, long nrt, long rt) {
}
