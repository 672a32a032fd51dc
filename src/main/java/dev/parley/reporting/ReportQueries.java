package dev.parley.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Chatwoot's report figures, computed from the append-only reporting events (and current conversations for counts). */
@Service
@Transactional(readOnly = true)
public class ReportQueries {

    public static final List<String> METRICS = List.of("conversations_count", "incoming_messages_count", "outgoing_messages_count",
            "avg_first_response_time", "avg_resolution_time", "resolutions_count", "reply_time");

    private final JdbcClient jdbc;

    public ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The seven summary figures for a scope and range, with the same for the range before. */
    public Map<String, Object> summary(long accountId, Scope scope, Range range) {
        Map<String, Object> summary = figures(accountId, scope, range);
        summary.put("previous", figures(accountId, scope, range.previous()));
        return summary;
    }

    /** The seven figures in three queries: conversations, messages, and the facts credited to people. */
    Map<String, Object> figures(long accountId, Scope scope, Range range) {
        var figures = new LinkedHashMap<String, Object>();
        figures.put("conversations_count", value(accountId, scope, range, "conversations_count"));
        String eventRange = " FROM reporting_events e WHERE e.account_id = ? AND e.created_at >= ? AND e.created_at < ? AND ";
        Number[] messages = row("SELECT count(*) FILTER (WHERE e.name = 'incoming_message'), count(*) FILTER (WHERE e.name = 'outgoing_message')"
                + eventRange + "e.name IN ('incoming_message', 'outgoing_message') AND " + scope.messageEvents(), accountId, scope, range, 2);
        Number[] credited = row("""
                SELECT coalesce(avg(e.value) FILTER (WHERE e.name = 'first_response'), 0),
                       coalesce(avg(e.value) FILTER (WHERE e.name = 'conversation_resolved'), 0),
                       count(*) FILTER (WHERE e.name = 'conversation_resolved'),
                       coalesce(avg(e.value) FILTER (WHERE e.name = 'reply_time'), 0)""".replace("e.value", range.valueColumn()) + eventRange
                + "e.name IN ('conversation_resolved', 'first_response', 'reply_time') AND " + scope.creditedEvents(), accountId, scope, range, 4);
        figures.put("incoming_messages_count", messages[0]);
        figures.put("outgoing_messages_count", messages[1]);
        figures.put("avg_first_response_time", credited[0]);
        figures.put("avg_resolution_time", credited[1]);
        figures.put("resolutions_count", credited[2]);
        figures.put("reply_time", credited[3]);
        return figures;
    }

    private Number[] row(String sql, long accountId, Scope scope, Range range, int columns) {
        List<Object> params = new ArrayList<>(List.of(accountId, Timestamp.from(range.since()), Timestamp.from(range.until())));
        if (scope.needsLabelParameter()) params.add(new String[] {scope.label()});
        return jdbc.sql(sql).params(params).query((rs, n) -> {
            Number[] values = new Number[columns];
            for (int i = 0; i < columns; i++) values[i] = (Number) rs.getObject(i + 1);
            return values;
        }).single();
    }

    /** One metric: a count, or an average in seconds (0 when nothing happened). */
    public Number value(long accountId, Scope scope, Range range, String metric) {
        Query q = query(scope, metric, range);
        List<Object> params = new ArrayList<>(List.of(accountId, Timestamp.from(range.since()), Timestamp.from(range.until())));
        if (scope.needsLabelParameter()) params.add(new String[] {scope.label()});
        return jdbc.sql("SELECT " + q.aggregate() + " FROM " + q.from() + " WHERE " + q.where()).params(params)
                .query((rs, n) -> (Number) rs.getObject(1)).single();
    }

    /** The metric per bucket (hour, day, week, month, year) in the caller's time zone, every bucket present. */
    public List<Map<String, Object>> timeSeries(long accountId, Scope scope, Range range, String metric, String groupBy, double offsetHours) {
        Query q = query(scope, metric, range);
        long offsetSeconds = Math.round(offsetHours * 3600);
        List<Object> params = new ArrayList<>(List.of(groupBy, offsetSeconds, accountId, Timestamp.from(range.since()),
                Timestamp.from(range.until())));
        if (scope.needsLabelParameter()) params.add(new String[] {scope.label()});
        Map<LocalDateTime, Object[]> byBucket = new HashMap<>();
        jdbc.sql("SELECT date_trunc(?, (" + q.time() + " AT TIME ZONE 'UTC') + make_interval(secs => ?)) AS bucket, " + q.aggregate()
                        + ", count(*) FROM " + q.from() + " WHERE " + q.where() + " GROUP BY bucket")
                .params(params).query(rs -> {
                    byBucket.put(rs.getTimestamp(1).toLocalDateTime(), new Object[] {rs.getObject(2), rs.getLong(3)});
                });
        List<Map<String, Object>> series = new ArrayList<>();
        LocalDateTime localUntil = LocalDateTime.ofInstant(range.until(), ZoneOffset.UTC).plusSeconds(offsetSeconds);
        for (LocalDateTime bucket = truncate(LocalDateTime.ofInstant(range.since(), ZoneOffset.UTC).plusSeconds(offsetSeconds), groupBy);
             bucket.isBefore(localUntil); bucket = next(bucket, groupBy)) {
            Object[] found = byBucket.get(bucket);
            var point = new LinkedHashMap<String, Object>();
            point.put("value", found == null ? 0 : found[0] == null ? 0 : found[0]);
            point.put("timestamp", bucket.minusSeconds(offsetSeconds).toEpochSecond(ZoneOffset.UTC));
            point.put("count", found == null ? 0L : found[1]);
            series.add(point);
        }
        return series;
    }

    /** One row per agent, inbox, team or label of the account (Chatwoot's summary_reports). */
    public List<Map<String, Object>> summaryReport(long accountId, String type, Range range, List<Map.Entry<Long, String>> subjects) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var subject : subjects) {
            Scope scope = "label".equals(type) ? new Scope("label", subject.getKey(), subject.getValue()) : new Scope(type, subject.getKey(), null);
            var row = new LinkedHashMap<String, Object>();
            row.put("id", subject.getKey());
            if ("label".equals(type)) row.put("name", subject.getValue());
            row.put("conversations_count", value(accountId, scope, range, "conversations_count"));
            row.put("resolved_conversations_count", value(accountId, scope, range, "resolutions_count"));
            row.put("avg_resolution_time", value(accountId, scope, range, "avg_resolution_time"));
            row.put("avg_first_response_time", value(accountId, scope, range, "avg_first_response_time"));
            row.put("avg_reply_time", value(accountId, scope, range, "reply_time"));
            rows.add(row);
        }
        return rows;
    }

    private record Query(String aggregate, String from, String where, String time) {
    }

    private static Query query(Scope scope, String metric, Range range) {
        String average = "coalesce(avg(" + range.valueColumn() + "), 0)";
        String events = "reporting_events e";
        String eventRange = "e.account_id = ? AND e.created_at >= ? AND e.created_at < ?";
        return switch (metric) {
            case "conversations_count" -> new Query("count(*)", "conversations c",
                    "c.account_id = ? AND c.created_at >= ? AND c.created_at < ? AND " + scope.conversations(), "c.created_at");
            case "incoming_messages_count" -> new Query("count(*)", events,
                    eventRange + " AND e.name = 'incoming_message' AND " + scope.messageEvents(), "e.created_at");
            case "outgoing_messages_count" -> new Query("count(*)", events,
                    eventRange + " AND e.name = 'outgoing_message' AND " + scope.messageEvents(), "e.created_at");
            case "resolutions_count" -> new Query("count(*)", events,
                    eventRange + " AND e.name = 'conversation_resolved' AND " + scope.creditedEvents(), "e.created_at");
            case "avg_resolution_time" -> new Query(average, events,
                    eventRange + " AND e.name = 'conversation_resolved' AND " + scope.creditedEvents(), "e.created_at");
            case "avg_first_response_time" -> new Query(average, events,
                    eventRange + " AND e.name = 'first_response' AND " + scope.creditedEvents(), "e.created_at");
            case "reply_time" -> new Query(average, events,
                    eventRange + " AND e.name = 'reply_time' AND " + scope.creditedEvents(), "e.created_at");
            default -> throw new IllegalArgumentException(metric);
        };
    }

    static LocalDateTime truncate(LocalDateTime t, String groupBy) {
        return switch (groupBy) {
            case "hour" -> t.truncatedTo(ChronoUnit.HOURS);
            case "week" -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            case "month" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case "year" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
            default -> t.truncatedTo(ChronoUnit.DAYS);
        };
    }

    static LocalDateTime next(LocalDateTime t, String groupBy) {
        return switch (groupBy) {
            case "hour" -> t.plusHours(1);
            case "week" -> t.plusWeeks(1);
            case "month" -> t.plusMonths(1);
            case "year" -> t.plusYears(1);
            default -> t.plusDays(1);
        };
    }

    /** Helper for callers that have no range: the last 7 days up to now. */
    public static Range lastWeek(Instant now) {
        return new Range(now.minus(7, ChronoUnit.DAYS), now);
    }
}
