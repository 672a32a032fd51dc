package dev.parley.presence;

import dev.parley.presence.domain.PresenceRule;
import dev.parley.presence.persistence.PresenceRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who is online now (computed from availability and heartbeat time, never from a stale flag). */
@Service
@Transactional(readOnly = true)
public class PresenceQueries {

    private final PresenceRepository presence;
    private final Clock clock;

    public PresenceQueries(PresenceRepository presence, Clock clock) {
        this.presence = presence;
        this.clock = clock;
    }

    public Set<Long> onlineAmong(long accountId, Collection<Long> userIds) {
        if (userIds.isEmpty()) return Set.of();
        return presence.onlineAmong(accountId, userIds, clock.instant().minus(PresenceRule.HEARTBEAT_TTL));
    }

    public boolean isOnline(long accountId, long userId) {
        return onlineAmong(accountId, List.of(userId)).contains(userId);
    }

    public PresenceView presence(long accountId, long userId) {
        return presence.find(accountId, userId).orElse(PresenceView.offline(accountId, userId));
    }

    public List<PresenceView> all(long accountId, Collection<Long> userIds) {
        return userIds.isEmpty() ? List.of() : presence.all(accountId, userIds);
    }
}
