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

    /** Appends facts in one statement, each once per source event and name (redelivery writes nothing). */
    public void appendAll(java.util.List<Fact> facts) {
        if (facts.isEmpty()) return;
        int n = facts.size();
        String[][] columns = new String[11][n];
        for (int i = 0; i < n; i++) {
            Fact f = facts.get(i);
            columns[0][i] = String.valueOf(f.accountId());
            columns[1][i] = String.valueOf(f.inboxId());
            columns[2][i] = f.userId() == null ? null : String.valueOf(f.userId());
            columns[3][i] = f.teamId() == null ? null : String.valueOf(f.teamId());
            columns[4][i] = String.valueOf(f.conversationId());
            columns[5][i] = f.name();
            columns[6][i] = String.valueOf(f.value());
            columns[7][i] = String.valueOf(f.valueInBusinessHours());
            columns[8][i] = f.start() == null ? null : f.start().toString();
            columns[9][i] = f.end() == null ? null : f.end().toString();
            columns[10][i] = f.sourceEventId().toString();
        }
        jdbc.sql("""
                        INSERT INTO reporting_events (account_id, inbox_id, user_id, team_id, conversation_id, name, value,
                            value_in_business_hours, event_start_time, event_end_time, created_at, source_event_id)
                        SELECT a::bigint, i::bigint, u::bigint, t::bigint, c::bigint, n, v::float8, b::float8, s::timestamptz, e::timestamptz,
                            e::timestamptz, id::uuid
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[]) AS f(a, i, u, t, c, n, v, b, s, e, id)
                        ON CONFLICT (source_event_id, name) DO NOTHING""")
                .params((Object[]) columns)
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
