package dev.parley.presence;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every couple of seconds, turns agents whose heartbeat stopped offline (and says so with an event). */
@Component
class HeartbeatTimeout {

    private final PresenceManagement presence;

    HeartbeatTimeout(PresenceManagement presence) {
        this.presence = presence;
    }

    @Scheduled(fixedDelayString = "${parley.presence.sweep-interval:PT2S}")
    void sweep() {
        while (presence.expireStaleHeartbeats(200) == 200) {
            // keep going until a batch comes back short
        }
    }
}
