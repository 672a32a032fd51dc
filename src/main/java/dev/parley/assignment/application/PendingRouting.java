package dev.parley.assignment.application;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a batch of events asked routing to do, gathered while the events are handled (on several threads) and done
 * once after them: inboxes whose queue to route, agents who got room (routed through every inbox they work in).
 */
final class PendingRouting {

    record Key(long accountId, long id) {
    }

    record Work(List<Key> inboxes, List<Key> agents) {
    }

    private final Set<Key> inboxes = ConcurrentHashMap.newKeySet();
    private final Set<Key> agents = ConcurrentHashMap.newKeySet();

    void inbox(long accountId, long inboxId) {
        inboxes.add(new Key(accountId, inboxId));
    }

    void agent(long accountId, long userId) {
        agents.add(new Key(accountId, userId));
    }

    /** What was asked since the last drain, in no particular order; the sets start empty again. */
    Work drain() {
        List<Key> i = List.copyOf(inboxes);
        inboxes.removeAll(i);
        List<Key> a = List.copyOf(agents);
        agents.removeAll(a);
        return new Work(i, a);
    }
}
