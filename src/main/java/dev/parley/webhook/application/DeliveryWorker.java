package dev.parley.webhook.application;

import dev.parley.shared.UrlSafety;
import dev.parley.webhook.persistence.DeliveryRepository;
import dev.parley.webhook.persistence.DeliveryRepository.Delivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries: takes a batch with FOR UPDATE SKIP LOCKED (so nodes share the queue without
 * sending one twice), POSTs each with its id, event and signature headers and a timeout, and records
 * the outcome. A failure is retried with exponential backoff (base doubling, capped) until the
 * delivery is older than the retry window, then marked failed.
 */
@Component
class DeliveryWorker {

    static final int BATCH = 50;

    private final DeliveryRepository deliveries;
    private final UrlSafety safety;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration retryBase;
    private final Duration retryMax;
    private final Duration retryFor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DeliveryWorker(DeliveryRepository deliveries, UrlSafety safety, TransactionTemplate transactions, Clock clock,
                   @Value("${parley.webhooks.retry-base:PT10S}") Duration retryBase,
                   @Value("${parley.webhooks.retry-max:PT1H}") Duration retryMax,
                   @Value("${parley.webhooks.retry-for:PT25H}") Duration retryFor) {
        this.deliveries = deliveries;
        this.safety = safety;
        this.transactions = transactions;
        this.clock = clock;
        this.retryBase = retryBase;
        this.retryMax = retryMax;
        this.retryFor = retryFor;
    }

    @Scheduled(fixedDelayString = "${parley.webhooks.poll-interval:PT1S}")
    void sendDue() {
        while (Boolean.TRUE.equals(transactions.execute(tx -> sendBatch()))) {
            // a full batch: there may be more due right now
        }
    }

    /** Returns true when the batch was full. */
    boolean sendBatch() {
        List<Delivery> due = deliveries.lockDue(clock.instant(), BATCH);
        due.forEach(this::send);
        return due.size() == BATCH;
    }

    private void send(Delivery d) {
        String refused = safety.problem(d.url());
        if (refused != null) {
            deliveries.retryLater(d.id(), null, "refused: URL " + refused, clock.instant(), true);
            return;
        }
        try {
            var request = HttpRequest.newBuilder(URI.create(d.url())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Parley-Delivery", d.id().toString())
                    .header("X-Parley-Event", d.event())
                    .header("User-Agent", "Parley-Webhooks/1")
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload()));
            if (d.secret() != null) request.header(Signatures.HEADER, Signatures.sign(d.secret(), d.payload()));
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                deliveries.delivered(d.id(), response.statusCode(), clock.instant());
            } else {
                failed(d, response.statusCode(), "HTTP " + response.statusCode());
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            failed(d, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(d, null, "interrupted");
        }
    }

    private void failed(Delivery d, Integer status, String error) {
        Instant now = clock.instant();
        long factor = 1L << Math.min(d.attempts(), 20);
        Duration delay = retryBase.multipliedBy(factor);
        if (delay.compareTo(retryMax) > 0) delay = retryMax;
        boolean giveUp = Duration.between(d.createdAt(), now.plus(delay)).compareTo(retryFor) > 0;
        deliveries.retryLater(d.id(), status, error, now.plus(delay), giveUp);
    }
}
