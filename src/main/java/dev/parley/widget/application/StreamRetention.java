package dev.parley.widget.application;

import dev.parley.widget.persistence.StreamEventRepository;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets stream events older than the retention (a browser away longer reloads the history through the API). */
@Component
class StreamRetention {

    private final StreamEventRepository events;
    private final Clock clock;
    private final Duration retention;

    StreamRetention(StreamEventRepository events, Clock clock, @Value("${parley.widget.stream-retention:P7D}") Duration retention) {
        this.events = events;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${parley.widget.stream-prune-interval:PT1H}", initialDelayString = "PT5M")
    void prune() {
        events.prune(clock.instant().minus(retention)); // idempotent: several nodes pruning at once do no harm
    }
}
