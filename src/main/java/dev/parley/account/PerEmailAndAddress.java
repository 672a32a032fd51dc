package dev.parley.account;

import dev.parley.shared.RateLimit;
import dev.parley.shared.RateLimits;
import dev.parley.shared.RateLimits.Subject;
import java.time.Duration;
import java.util.Locale;

/**
 * The two limits every password path counts against: one per email (trimmed and lower-cased, so "Ada@X " and
 * "ada@x" share a bucket) and one per client address, over the same window. The buckets are named
 * {@code <name>-email} and {@code <name>-ip}.
 */
record PerEmailAndAddress(RateLimits limits, RateLimit perEmail, RateLimit perAddress) {

    PerEmailAndAddress(RateLimits limits, String name, long perEmail, long perAddress, Duration window) {
        this(limits, new RateLimit(name + "-email", perEmail, window), new RateLimit(name + "-ip", perAddress, window));
    }

    /** Takes one attempt for the email and one for the address, or throws {@link dev.parley.shared.TooManyRequests}. */
    RateLimits.Permit acquire(String email, String clientAddress) {
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return limits.acquire(new Subject(perEmail, normalized), new Subject(perAddress, clientAddress));
    }
}
