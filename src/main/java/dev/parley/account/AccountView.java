package dev.parley.account;

import java.time.Instant;

/** An account as the platform API shows it. */
public record AccountView(long id, String name, String locale, String domain, String supportEmail, String status,
                          Instant createdAt) {
}
