package dev.parley.inbox;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An inbox's business hours in its time zone: per weekday closed, open all day, or open from one time to
 * another. Answers how much of a span fell inside them, which is what the reports' business-hours
 * figures count. Without business hours (disabled), every second counts.
 */
public record WorkingHours(boolean enabled, ZoneId zone, List<Day> days) {

    /** One weekday: Chatwoot's day_of_week (0 = Sunday) and its opening, in minutes of the day. */
    public record Day(int dayOfWeek, boolean closedAllDay, boolean openAllDay, int openMinute, int closeMinute) {
    }

    /** Longest span counted (reports never look further back); beyond it the whole span counts. */
    private static final Duration LONGEST = Duration.ofDays(3660);

    /** Seconds of [from, to) inside business hours. */
    public double secondsOpenBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) return 0;
        if (!enabled || Duration.between(from, to).compareTo(LONGEST) > 0) return Duration.between(from, to).toMillis() / 1000.0;
        long millis = 0;
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            Day hours = of(day.getDayOfWeek());
            if (hours == null || hours.closedAllDay()) continue;
            ZonedDateTime open = hours.openAllDay() ? day.atStartOfDay(zone) : day.atTime(LocalTime.MIN.plusMinutes(hours.openMinute())).atZone(zone);
            ZonedDateTime close = hours.openAllDay() || hours.closeMinute() >= 24 * 60 ? day.plusDays(1).atStartOfDay(zone)
                    : day.atTime(LocalTime.MIN.plusMinutes(hours.closeMinute())).atZone(zone);
            Instant start = max(open.toInstant(), from);
            Instant end = min(close.toInstant(), to);
            if (end.isAfter(start)) millis += Duration.between(start, end).toMillis();
        }
        return millis / 1000.0;
    }

    private Day of(DayOfWeek weekday) {
        int chatwootDay = weekday.getValue() % 7; // Monday 1 ... Sunday 0
        return days.stream().filter(d -> d.dayOfWeek() == chatwootDay).findFirst().orElse(null);
    }

    /** Reads Chatwoot's working_hours entries (already validated). */
    public static WorkingHours of(boolean enabled, String timezone, List<Map<String, Object>> entries) {
        ZoneId zone;
        try {
            zone = timezone == null || timezone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timezone);
        } catch (RuntimeException e) {
            zone = ZoneId.of("UTC");
        }
        List<Day> days = new ArrayList<>();
        for (Map<String, Object> e : entries == null ? List.<Map<String, Object>>of() : entries) {
            days.add(new Day(number(e.get("day_of_week")), Boolean.TRUE.equals(e.get("closed_all_day")), Boolean.TRUE.equals(e.get("open_all_day")),
                    number(e.get("open_hour")) * 60 + number(e.get("open_minutes")), number(e.get("close_hour")) * 60 + number(e.get("close_minutes"))));
        }
        return new WorkingHours(enabled, zone, days);
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
