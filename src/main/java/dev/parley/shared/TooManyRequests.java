package dev.parley.shared;

import java.time.Duration;

/** A rate limit is spent: answered 429 with {@code Retry-After} (whole seconds, at least 1). */
public class TooManyRequests extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequests(Duration retryAfter) {
        super("Too many requests; try again in " + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " seconds");
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Rounded up, for people: "try again in N minutes". */
    public long retryAfterMinutes() {
        return Math.max(1, (retryAfterSeconds() + 59) / 60);
    }
}
