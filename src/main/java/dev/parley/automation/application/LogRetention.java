package dev.parley.automation.application;

import dev.parley.automation.persistence.ExecutionRepository;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes rule evaluations older than {@code parley.automation.log-retention} (30 days by default), hourly. */
@Component
class LogRetention {

    private final ExecutionRepository executions;
    private final Duration retention;
    private final Clock clock;

    LogRetention(ExecutionRepository executions, @Value("${parley.automation.log-retention:P30D}") Duration retention, Clock clock) {
        this.executions = executions;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    long purge() {
        return executions.deleteOlderThan(clock.instant().minus(retention));
    }
}
