package dev.parley.presence;

import java.time.Instant;

/** What presence knows of one agent in one account. */
public record PresenceView(long accountId, long userId, String availability, boolean autoOffline, Instant lastHeartbeatAt,
                           boolean online) {

    public static PresenceView offline(long accountId, long userId) {
        return new PresenceView(accountId, userId, "offline", true, null, false);
    }
}
