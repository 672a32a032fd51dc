package dev.parley.presence;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentAvailabilityChanged;
import dev.parley.account.AgentRemoved;
import dev.parley.presence.domain.PresenceRule;
import dev.parley.presence.persistence.PresenceRepository;
import dev.parley.shared.Actor;
import dev.parley.shared.ResourceNotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the presence projection true and announces every flip of an agent's effective state. The
 * availability listener is synchronous: presence changes in the same transaction as availability.
 */
@Service
@Transactional
public class PresenceManagement {

    private final PresenceRepository presence;
    private final AccountQueries accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public PresenceManagement(PresenceRepository presence, AccountQueries accounts, ApplicationEventPublisher events, Clock clock) {
        this.presence = presence;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    public void on(AgentAvailabilityChanged event) {
        PresenceView current = presence.lock(event.accountId(), event.userId());
        update(new PresenceView(current.accountId(), current.userId(), event.to().apiName(), event.autoOffline(),
                current.lastHeartbeatAt(), current.online()), "availability", event.causedBy());
    }

    @EventListener
    public void on(AgentRemoved event) {
        PresenceView current = presence.lock(event.accountId(), event.userId());
        if (current.online()) publish(current, false, "removed", event.causedBy());
        presence.delete(event.accountId(), event.userId());
    }

    /** A sign of life from the agent's client (the dashboard's stream will send these too). */
    public PresenceView heartbeat(long accountId, long userId, Actor actor) {
        accounts.agent(accountId, userId).orElseThrow(() -> new ResourceNotFound("Account"));
        PresenceView current = presence.lock(accountId, userId);
        return update(new PresenceView(accountId, userId, current.availability(), current.autoOffline(), clock.instant(),
                current.online()), "heartbeat", actor);
    }

    /** Marks offline the agents whose heartbeat timed out; returns how many. Safe on several nodes. */
    public int expireStaleHeartbeats(int limit) {
        Instant now = clock.instant();
        var expired = presence.lockExpired(now.minus(PresenceRule.HEARTBEAT_TTL), limit);
        expired.forEach(p -> update(p, "heartbeat_timeout", Actor.system()));
        return expired.size();
    }

    private PresenceView update(PresenceView next, String reason, Actor actor) {
        Instant now = clock.instant();
        boolean online = PresenceRule.isOnline(next.availability(), next.autoOffline(), next.lastHeartbeatAt(), now);
        PresenceView saved = new PresenceView(next.accountId(), next.userId(), next.availability(), next.autoOffline(),
                next.lastHeartbeatAt(), online);
        presence.save(saved, now);
        if (online != next.online()) publish(saved, online, reason, actor);
        return saved;
    }

    private void publish(PresenceView p, boolean online, String reason, Actor actor) {
        events.publishEvent(new AgentPresenceChanged(UUID.randomUUID(), clock.instant(), p.accountId(), p.userId(), online, reason, actor));
    }
}
