package dev.parley.assignment.domain;

import java.time.Instant;

/**
 * What routing knows of one agent: presence, load in the inbox and the account, when they last got a
 * conversation here, how many in the fair-distribution window, and their place in the inbox (join order).
 */
public record Candidate(long userId, String name, boolean online, String availability, long openInInbox, long openInAccount,
                        Instant lastAssignedAt, long assignedInWindow, int joinOrder) {

    public Candidate withOneMore(Instant at) {
        return new Candidate(userId, name, online, availability, openInInbox + 1, openInAccount + 1, at, assignedInWindow + 1, joinOrder);
    }
}
