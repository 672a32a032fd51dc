package dev.parley.inbox;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An inbox's business hours in its time zone: per weekday closed, open all day, open from one time to another
 * (Chatwoot's entry), or open in several periods with breaks between them (Parley's {@code periods} in the same
 * entry, e.g. 9:00-12:00 and 13:00-17:00). Answers how much of a span fell inside them (the reports'
 * business-hours figures) and when a given amount of open time will have passed (timers counted in business
 * hours). Without business hours (disabled), every second counts.
 */
public record WorkingHours(boolean enabled, ZoneId zone, List<Day> days) {

    /** One weekday: Chatwoot's day_of_week (0 = Sunday) and its open periods, in minutes of the day. */
    public record Day(int dayOfWeek, boolean closedAllDay, boolean openAllDay, List<Period> periods) {
    }

    /** From {@code open} to {@code close}, minutes of the day (close may be 1440, midnight). */
    public record Period(int open, int close) {
    }

    /** Longest span counted (reports never look further back); beyond it the whole span counts. */
    private static final Duration LONGEST = Duration.ofDays(3660);

    /** Seconds of [from, to) inside business hours. */
    public double secondsOpenBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) return 0;
        if (!enabled || Duration.between(from, to).compareTo(LONGEST) > 0) return Duration.between(from, to).toMillis() / 1000.0;
        long millis = 0;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (Instant[] open : openSpans(day)) {
                Instant start = max(open[0], from);
                Instant end = min(open[1], to);
                if (end.isAfter(start)) millis += Duration.between(start, end).toMillis();
            }
        }
        return millis / 1000.0;
    }

    /** The instant when {@code open} of business time has passed after {@code from} (calendar time when disabled). */
    public Instant afterOpenTime(Instant from, Duration open) {
        if (!enabled) return from.plus(open);
        Duration left = open;
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < 800; i++, day = day.plusDays(1)) { // at most two years ahead: a week with no open hour ends it
            for (Instant[] span : openSpans(day)) {
                Instant start = max(span[0], from);
                if (!span[1].isAfter(start)) continue;
                Duration here = Duration.between(start, span[1]);
                if (here.compareTo(left) >= 0) return start.plus(left);
                left = left.minus(here);
            }
        }
        return from.plus(open);
    }

    private List<Instant[]> openSpans(LocalDate day) {
        Day hours = of(day.getDayOfWeek());
        if (hours == null || hours.closedAllDay()) return List.of();
        if (hours.openAllDay()) return List.<Instant[]>of(new Instant[] {day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant()});
        List<Instant[]> spans = new ArrayList<>();
        for (Period p : hours.periods()) spans.add(new Instant[] {at(day, p.open()), at(day, p.close())});
        return spans;
    }

    private Instant at(LocalDate day, int minuteOfDay) {
        return minuteOfDay >= 24 * 60 ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : day.atTime(LocalTime.MIN.plusMinutes(minuteOfDay)).atZone(zone).toInstant();
    }

    private Day of(DayOfWeek weekday) {
        int chatwootDay = weekday.getValue() % 7; // Monday 1 ... Sunday 0
        return days.stream().filter(d -> d.dayOfWeek() == chatwootDay).findFirst().orElse(null);
    }

    /** Reads Chatwoot's working_hours entries (already validated), with Parley's optional {@code periods}. */
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
                    periods(e)));
        }
        return new WorkingHours(enabled, zone, days);
    }

    private static List<Period> periods(Map<String, Object> entry) {
        List<Period> periods = new ArrayList<>();
        if (entry.get("periods") instanceof List<?> list && !list.isEmpty()) {
            for (Object p : list) if (p instanceof Map<?, ?> period) periods.add(period(period));
        } else {
            periods.add(period(entry));
        }
        return periods;
    }

    private static Period period(Map<?, ?> p) {
        return new Period(number(p.get("open_hour")) * 60 + number(p.get("open_minutes")), number(p.get("close_hour")) * 60 + number(p.get("close_minutes")));
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
