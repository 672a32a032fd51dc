package dev.parley.email.application;

import dev.parley.inbox.InboxView;
import dev.parley.shared.RateLimit;
import dev.parley.shared.RateLimits;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code parley.email.per-sender} mails per sender address and inbox per window: a runaway correspondent
 * (or a loop with another robot) stops flooding the conversations; the refused mail is kept for administrators.
 */
@Component
class SenderLimit {

    private final RateLimits rateLimits;
    private final RateLimit limit;

    SenderLimit(RateLimits rateLimits, @Value("${parley.email.per-sender:60}") long perSender,
                @Value("${parley.email.per-sender-window:PT10M}") Duration window) {
        this.rateLimits = rateLimits;
        this.limit = new RateLimit("email-sender", perSender, window);
    }

    /** Takes one mail from the sender's allowance; throws TooManyRequests when it is spent. */
    void take(InboxView inbox, String senderEmail) {
        rateLimits.acquire(new RateLimits.Subject(limit, inbox.id() + "/" + senderEmail.toLowerCase(java.util.Locale.ROOT)));
    }
}
