package dev.parley.shared;

import java.time.Duration;

/**
 * At most {@code capacity} attempts per {@code window} for each subject of one kind (an email signing in, a
 * client IP, a public contact). The whole capacity comes back when the window has passed.
 */
public record RateLimit(String name, long capacity, Duration window) {

    public RateLimit {
        if (capacity < 1) throw new IllegalArgumentException(name + ": a rate limit needs a capacity of at least 1");
        if (window.isZero() || window.isNegative()) throw new IllegalArgumentException(name + ": a rate limit needs a positive window");
    }
}
