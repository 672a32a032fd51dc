package dev.parley.account;

import dev.parley.shared.RateLimit;
import dev.parley.shared.RateLimits;
import dev.parley.shared.RateLimits.Subject;
import dev.parley.shared.TooManyRequests;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Throttles "forgot password" per email (known or not) and per client address, so nobody fills a mailbox with reset
 * emails. A spent limit is silent: the page answers as always, so it tells nothing about the email.
 */
@Component
class PasswordResetRequests {

    private final RateLimits limits;
    private final RateLimit perEmail;
    private final RateLimit perAddress;

    PasswordResetRequests(RateLimits limits, @Value("${parley.rate-limits.password-reset.per-email:3}") long perEmail,
                          @Value("${parley.rate-limits.password-reset.per-ip:20}") long perAddress,
                          @Value("${parley.rate-limits.password-reset.window:PT1H}") Duration window) {
        this.limits = limits;
        this.perEmail = new RateLimit("password-reset-email", perEmail, window);
        this.perAddress = new RateLimit("password-reset-ip", perAddress, window);
    }

    /** True when one more reset may be sent for this email from this address. */
    boolean allowed(String email, String clientAddress) {
        try {
            limits.acquire(new Subject(perEmail, email.trim().toLowerCase(Locale.ROOT)), new Subject(perAddress, clientAddress));
            return true;
        } catch (TooManyRequests e) {
            return false;
        }
    }
}
