package dev.parley.webhook;

import java.time.Instant;
import java.util.List;

/** An account webhook: where to POST, which events, and the secret its deliveries are signed with. */
public record WebhookView(long id, long accountId, Long inboxId, String name, String url, List<String> subscriptions, String secret,
                          Instant createdAt) {
}
