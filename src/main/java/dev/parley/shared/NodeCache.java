package dev.parley.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One kind of fact kept in a node's memory per key (an account id), see {@link NodeCaches}. A value read while a
 * change was announced is not kept (the read may have missed the change), and nothing is kept while the node does
 * not hear the announcements.
 */
public final class NodeCache<V> {

    private final String name;
    private final NodeCaches owner;
    private final Map<Long, V> values = new ConcurrentHashMap<>();
    /** Moves on every forget: a value read across one is not kept. */
    private long generation;

    NodeCache(String name, NodeCaches owner) {
        this.name = name;
        this.owner = owner;
    }

    /** The remembered value, or what {@code load} reads now (kept unless a change was announced meanwhile). */
    public V get(long key, LongFunction<V> load) {
        V value = values.get(key);
        if (value != null) return value;
        long before;
        synchronized (this) {
            before = generation;
        }
        boolean keep = owner.listening(); // a notice sent before this read is heard before it, or the listener reconnects after it
        value = load.apply(key);
        synchronized (this) {
            if (keep && generation == before && owner.listening() && value != null) values.put(key, value);
        }
        return value;
    }

    /**
     * Announces, in the caller's transaction, that the fact of this key changes: every node (this one too) forgets it
     * when the transaction commits.
     */
    public void changed(long key) {
        owner.send(name, key);
        forget(key);
        // this node forgets at its commit too, not only when its own notice comes back
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(key);
                }
            });
        }
    }

    synchronized void forget(long key) {
        generation++;
        values.remove(key);
    }

    synchronized void clear() {
        generation++;
        values.clear();
    }

    @Override
    public String toString() {
        return name;
    }
}
