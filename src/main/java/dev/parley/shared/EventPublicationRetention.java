package dev.parley.shared;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes completed event publications once they are older than {@code parley.events.completed-retention} (7 days):
 * the registry keeps every delivery it completed, a few dozen rows per customer message, and without this the table
 * grows with all the traffic there ever was. Unfinished publications are never touched. Deletes in batches
 * ({@link BatchedDelete}).
 */
@Component
class EventPublicationRetention {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    EventPublicationRetention(JdbcClient jdbc, Clock clock, @Value("${parley.events.completed-retention:P7D}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${parley.events.retention-interval:PT10M}")
    void run() {
        long deleted = BatchedDelete.rowsBefore(jdbc, "event_publication", "completion_date", clock.instant().minus(retention));
        if (deleted > 0) log.info("Deleted {} completed event publications older than {}", deleted, retention);
    }
}
