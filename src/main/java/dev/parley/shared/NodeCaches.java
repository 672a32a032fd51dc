package dev.parley.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Facts each node keeps in memory per account (say, "this account has SLA policies"), forgotten on every node when
 * they change: the transaction that changes a fact calls {@link NodeCache#changed}, a NOTIFY on {@link #CHANNEL} that
 * PostgreSQL delivers to every listening node when, and only if, that transaction commits. The node's LISTEN
 * connection (realtime's bus listener, which LISTENs anyway) hands each notice to {@link #notice} and says through
 * {@link #listening} whether its LISTEN is in place. While it is not, nothing is remembered and every lookup reads
 * the database; when it is (re)established, everything remembered is forgotten, since notices sent meanwhile are
 * lost. So the database stays the only authority: a node's memory only saves reads while it hears every change.
 */
@Component
public class NodeCaches {

    /** The NOTIFY channel of the notices; the payload is {@code <cache name>:<key>}. */
    public static final String CHANNEL = "parley_node_caches";

    /**
     * The inboxes the public API looks up by identifier (inbox module; key 0 holds them all). Named here because deleting
     * an account deletes its inboxes too, and the account module forgets them at its commit.
     */
    public static final String INBOX_IDENTIFIERS = "inbox-identifiers";

    private static final Logger log = LoggerFactory.getLogger(NodeCaches.class);

    private final JdbcClient jdbc;
    private final Map<String, NodeCache<?>> caches = new ConcurrentHashMap<>();
    private volatile boolean listening;

    public NodeCaches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cache of that name (one per kind of fact), created on first use. */
    @SuppressWarnings("unchecked")
    public <V> NodeCache<V> cache(String name) {
        if (name.contains(":")) throw new IllegalArgumentException("a cache name has no ':'");
        return (NodeCache<V>) caches.computeIfAbsent(name, n -> new NodeCache<V>(n, this));
    }

    /** Whether this node hears the notices now (its LISTEN is in place); the caches remember nothing while it does not. */
    public boolean listening() {
        return listening;
    }

    /** Called by the node's LISTEN connection when its LISTEN is in place (true) or lost (false): forgets everything. */
    public void listening(boolean on) {
        listening = on;
        caches.values().forEach(NodeCache::clear);
    }

    /** A notice received on {@link #CHANNEL}: forgets that key (a notice that cannot be read forgets everything). */
    public void notice(String payload) {
        int colon = payload == null ? -1 : payload.indexOf(':');
        NodeCache<?> cache = colon < 0 ? null : caches.get(payload.substring(0, colon));
        try {
            if (cache != null) cache.forget(Long.parseLong(payload.substring(colon + 1)));
            else if (colon < 0) caches.values().forEach(NodeCache::clear);
        } catch (NumberFormatException e) {
            log.debug("Unreadable cache notice {}: forgetting all of {}", payload, cache);
            cache.clear();
        }
    }

    /** Sends the notice in the caller's transaction (delivered when it commits, to every node, this one included). */
    void send(String cache, long key) {
        jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, cache + ":" + key).query((rs, i) -> 1).list();
    }
}
