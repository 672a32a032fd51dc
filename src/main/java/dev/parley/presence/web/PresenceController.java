package dev.parley.presence.web;

import dev.parley.account.AuthenticatedUser;
import dev.parley.presence.PresenceManagement;
import dev.parley.presence.PresenceView;
import dev.parley.shared.Actor;
import dev.parley.shared.InvalidInput;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/profile/presence}: the heartbeat that keeps an auto_offline agent online for 20 s. */
@RestController
class PresenceController {

    private final PresenceManagement presence;

    PresenceController(PresenceManagement presence) {
        this.presence = presence;
    }

    record HeartbeatRequest(Long accountId, Map<String, Object> profile) {
        long account() {
            Object nested = profile == null ? null : profile.get("account_id");
            if (accountId != null) return accountId;
            if (nested instanceof Number n) return n.longValue();
            throw InvalidInput.of("account_id", "can't be blank");
        }
    }

    @PostMapping("/api/v1/profile/presence")
    Map<String, Object> heartbeat(AuthenticatedUser caller, @RequestBody HeartbeatRequest body) {
        PresenceView p = presence.heartbeat(body.account(), caller.id(), Actor.user(caller.id(), caller.name()));
        return Map.of("account_id", p.accountId(), "user_id", p.userId(), "availability", p.availability(), "auto_offline", p.autoOffline(),
                "online", p.online());
    }
}
