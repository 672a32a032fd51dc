package dev.parley.shared.timers;

/** Names a timer: its kind (which handler fires it) and its subject (at most one live timer per kind and subject). */
public record TimerKey(String kind, String subject) {
}
