package dev.parley.shared;

import java.time.Duration;

/**
 * At most {@code capacity} attempts per {@code window} for each subject of one kind (an email signing in, a
 * client IP, a public contact). The whole capacity comes back when the window has passed.
 *
 * <p>{@code nodeShare} is how many attempts a node takes from the shared bucket at a time and then hands out from
 * memory (see {@link RateLimits}); 1, the default, asks the database on every attempt.
 */
public record RateLimit(String name, long capacity, Duration window, long nodeShare) {

    public RateLimit {
        if (capacity < 1) throw new IllegalArgumentException(name + ": a rate limit needs a capacity of at least 1");
        if (window.isZero() || window.isNegative()) throw new IllegalArgumentException(name + ": a rate limit needs a positive window");
        if (nodeShare < 1 || nodeShare > capacity) throw new IllegalArgumentException(name + ": a node's share must be between 1 and the capacity");
    }

    public RateLimit(String name, long capacity, Duration window) {
        this(name, capacity, window, 1);
    }

    /**
     * The same limit, with each node reserving {@code 1/divisor} of the capacity at a time (at least 1), so most
     * attempts touch no database row. The price, per node and window: up to one share let through beyond the
     * capacity (a share reserved late in one window and spent in the next), or held unused and so refused to
     * the other nodes (a share lapses one window after it was reserved).
     */
    public RateLimit sharedPerNodeIn(long divisor) {
        return new RateLimit(name, capacity, window, Math.max(1, capacity / divisor));
    }
}
