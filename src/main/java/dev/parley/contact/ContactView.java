package dev.parley.contact;

import java.time.Instant;
import java.util.Map;

/** A contact of an account. */
public record ContactView(long id, long accountId, String name, String email, String phoneNumber, String identifier,
                          Map<String, Object> additionalAttributes, Map<String, Object> customAttributes, boolean blocked,
                          Instant lastActivityAt, Instant createdAt) {
}
