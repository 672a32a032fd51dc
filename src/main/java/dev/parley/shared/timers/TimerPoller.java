package dev.parley.shared.timers;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due timers, on every node, every {@code parley.timers.poll-interval} (and at start, so timers that came
 * due while the server was down fire as soon as it is back, oldest first). Claims a batch in one short
 * transaction, then fires each timer in a transaction of its own: the handler locks its subject, the claim is
 * checked under the timer's row lock, the handler acts, the timer ends; a failure rolls all of that back and the
 * timer is tried again later.
 */
@Component
public class TimerPoller {

    private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);
    private static final int MAX_ATTEMPTS = 5;

    private final TimerClaims claims;
    private final Map<String, TimerHandler> handlers;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;

    TimerPoller(TimerClaims claims, List<TimerHandler> handlers, PlatformTransactionManager transactions, Clock clock,
                @Value("${parley.timers.batch-size:100}") int batchSize, @Value("${parley.timers.lease:PT30S}") Duration lease) {
        this.claims = claims;
        this.handlers = handlers.stream().collect(Collectors.toMap(TimerHandler::kind, Function.identity()));
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    @Scheduled(initialDelayString = "${parley.timers.initial-delay:PT1S}", fixedDelayString = "${parley.timers.poll-interval:PT1S}")
    void poll() {
        try {
            fireDue();
        } catch (RuntimeException e) {
            log.warn("Timer poll failed, trying again next poll: {}", e.toString());
        }
    }

    /** Fires every timer due now, batch after batch; returns how many were handled (fired, skipped or retried). */
    public int fireDue() {
        int handled = 0;
        List<DueTimer> batch;
        do {
            UUID token = UUID.randomUUID();
            batch = transaction.execute(tx -> claims.claim(token, clock.instant(), lease, batchSize));
            for (DueTimer timer : batch) {
                fire(timer, token);
                handled++;
            }
        } while (batch.size() == batchSize);
        return handled;
    }

    private void fire(DueTimer timer, UUID token) {
        TimerHandler handler = handlers.get(timer.kind());
        try {
            transaction.executeWithoutResult(tx -> {
                if (handler != null) handler.lockSubject(timer);
                if (!claims.stillMine(timer.id(), token)) return; // cancelled meanwhile, or our lease ran out and another node has it
                TimerResult result = handler == null ? TimerResult.skipped("no handler for timers of kind " + timer.kind()) : handler.fire(timer);
                claims.end(timer.id(), result, clock.instant());
            });
        } catch (RuntimeException e) {
            log.warn("Timer {} ({} {}) failed: {}", timer.id(), timer.kind(), timer.subject(), e.toString());
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            transaction.executeWithoutResult(tx -> claims.failed(timer.id(), token, error, clock.instant(), MAX_ATTEMPTS));
        }
    }
}
