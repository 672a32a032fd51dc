package dev.parley.account;

import java.time.Instant;

/** A saved reply; agents insert it by typing "/" and its short code in the reply box. */
public record CannedResponseView(long id, long accountId, String shortCode, String content, Instant createdAt, Instant updatedAt) {
}
