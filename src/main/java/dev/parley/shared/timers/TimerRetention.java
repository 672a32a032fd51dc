package dev.parley.shared.timers;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes ended timers (their story in the explain log) after {@code parley.timers.retention} (30 days), hourly. */
@Component
class TimerRetention {

    private final Timers timers;
    private final Duration retention;
    private final Clock clock;

    TimerRetention(Timers timers, @Value("${parley.timers.retention:P30D}") Duration retention, Clock clock) {
        this.timers = timers;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT1H")
    long purge() {
        return timers.deleteEndedBefore(clock.instant().minus(retention));
    }
}
