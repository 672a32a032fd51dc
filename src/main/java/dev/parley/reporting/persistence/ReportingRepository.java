package dev.parley.reporting.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes reporting facts and the conversation projection. */
@Repository
public class ReportingRepository {

    private final JdbcClient jdbc;

    public ReportingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends a fact once per source event and name (redelivery writes nothing). */
    public void append(Fact f) {
        jdbc.sql("""
                        INSERT INTO reporting_events (account_id, inbox_id, user_id, team_id, conversation_id, name, value,
                            value_in_business_hours, event_start_time, event_end_time, created_at, source_event_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_event_id, name) DO NOTHING""")
                .params(f.accountId(), f.inboxId(), f.userId(), f.teamId(), f.conversationId(), f.name(), f.value(), f.valueInBusinessHours(),
                        ts(f.start()), ts(f.end()),
                        ts(f.end()), f.sourceEventId())
                .update();
    }

    /** When the last fact of that name ended for the conversation, before a moment. */
    public Optional<Instant> lastEnd(long conversationId, String name, Instant before) {
        return jdbc.sql("SELECT max(event_end_time) FROM reporting_events WHERE conversation_id = ? AND name = ? AND event_end_time <= ?")
                .params(conversationId, name, ts(before)).query((rs, n) -> rs.getTimestamp(1)).optional()
                .flatMap(t -> Optional.ofNullable(t).map(Timestamp::toInstant));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** One reporting fact. */
    /** One reporting fact; {@code valueInBusinessHours} is the part of {@code value} inside the inbox's business hours. */
    public record Fact(long accountId, long inboxId, Long userId, Long teamId, long conversationId, String name, double value,
                       double valueInBusinessHours, Instant start, Instant end, UUID sourceEventId) {
    }
}
