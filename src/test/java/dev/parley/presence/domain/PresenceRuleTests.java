package dev.parley.presence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Online means availability "online" and, with auto_offline, a heartbeat in the last 20 seconds. */
class PresenceRuleTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void onlyOnlineAvailabilityCounts() {
        assertThat(PresenceRule.isOnline("online", false, null, NOW)).isTrue();
        assertThat(PresenceRule.isOnline("busy", false, NOW, NOW)).isFalse();
        assertThat(PresenceRule.isOnline("offline", false, NOW, NOW)).isFalse();
    }

    @Test
    void autoOfflineNeedsARecentHeartbeat() {
        assertThat(PresenceRule.isOnline("online", true, null, NOW)).isFalse();
        assertThat(PresenceRule.isOnline("online", true, NOW.minusSeconds(19), NOW)).isTrue();
        assertThat(PresenceRule.isOnline("online", true, NOW.minusSeconds(20), NOW)).isFalse();
    }
}
