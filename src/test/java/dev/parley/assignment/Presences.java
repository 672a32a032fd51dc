package dev.parley.assignment;

import dev.parley.support.Api;
import java.util.Map;

/** Test helper: makes an agent online, busy or offline the way a client would. */
final class Presences {

    private Presences() {
    }

    /** Online without heartbeats (auto_offline off), or busy / offline. */
    static void set(Api agent, long accountId, String availability) {
        agent.post("/api/v1/profile/auto_offline", Map.of("profile", Map.of("auto_offline", false, "account_id", accountId))).expect(200);
        agent.post("/api/v1/profile/availability", Map.of("profile", Map.of("availability", availability, "account_id", accountId))).expect(200);
    }
}
