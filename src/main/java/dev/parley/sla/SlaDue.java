package dev.parley.sla;

import java.time.Instant;

/** A pending SLA deadline of a conversation (frt, nrt or rt) and when it is due. */
public record SlaDue(String metric, Instant dueAt) {
}
