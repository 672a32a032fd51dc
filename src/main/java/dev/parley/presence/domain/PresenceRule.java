package dev.parley.presence.domain;

import java.time.Duration;
import java.time.Instant;

/** The one rule of presence: online means availability "online" and, with auto_offline, a recent heartbeat. */
public final class PresenceRule {

    public static final Duration HEARTBEAT_TTL = Duration.ofSeconds(20);

    private PresenceRule() {
    }

    public static boolean isOnline(String availability, boolean autoOffline, Instant lastHeartbeat, Instant now) {
        if (!"online".equals(availability)) return false;
        if (!autoOffline) return true;
        return lastHeartbeat != null && lastHeartbeat.isAfter(now.minus(HEARTBEAT_TTL));
    }
}
