package dev.parley.account;

import dev.parley.shared.RateLimits;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Throttles password checks, per email and per client address, on every path that checks a password (dashboard
 * sign-in, password change). Every check takes an attempt before bcrypt runs, so even concurrent guesses cannot
 * exceed the limit; a right password gives its attempt back, so only failures add up. The per-address limit is
 * higher than the per-email one, so people behind one address are not locked out by one person's typos.
 */
@Component
class PasswordAttempts {

    private final PerEmailAndAddress limits;

    PasswordAttempts(RateLimits limits, @Value("${parley.rate-limits.sign-in.per-email:5}") long perEmail,
                     @Value("${parley.rate-limits.sign-in.per-ip:50}") long perAddress,
                     @Value("${parley.rate-limits.sign-in.window:PT15M}") Duration window) {
        this.limits = new PerEmailAndAddress(limits, "sign-in", perEmail, perAddress, window);
    }

    /** Runs the check unless a limit is spent ({@link dev.parley.shared.TooManyRequests}); true when it matched. */
    boolean check(String email, String clientAddress, BooleanSupplier passwordMatches) {
        var permit = limits.acquire(email, clientAddress);
        boolean matched = passwordMatches.getAsBoolean();
        if (matched) permit.giveBack();
        return matched;
    }
}
