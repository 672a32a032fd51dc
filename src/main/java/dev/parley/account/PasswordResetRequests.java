package dev.parley.account;

import dev.parley.shared.RateLimits;
import dev.parley.shared.TooManyRequests;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Throttles "forgot password" per email (known or not) and per client address, so nobody fills a mailbox with reset
 * emails. A spent limit is silent: the page answers as always, so it tells nothing about the email.
 */
@Component
class PasswordResetRequests {

    private final PerEmailAndAddress limits;

    PasswordResetRequests(RateLimits limits, @Value("${parley.rate-limits.password-reset.per-email:3}") long perEmail,
                          @Value("${parley.rate-limits.password-reset.per-ip:20}") long perAddress,
                          @Value("${parley.rate-limits.password-reset.window:PT1H}") Duration window) {
        this.limits = new PerEmailAndAddress(limits, "password-reset", perEmail, perAddress, window);
    }

    /** True when one more reset may be sent for this email from this address. */
    boolean allowed(String email, String clientAddress) {
        try {
            limits.acquire(email, clientAddress);
            return true;
        } catch (TooManyRequests e) {
            return false;
        }
    }
}
