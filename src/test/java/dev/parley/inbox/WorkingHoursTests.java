package dev.parley.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Business hours: how much of a wait falls inside them, in the inbox's own time zone. */
class WorkingHoursTests {

    /** Monday to Friday 09:00-17:00, weekends closed. */
    private static List<Map<String, Object>> officeWeek() {
        List<Map<String, Object>> days = new ArrayList<>();
        days.add(Map.of("day_of_week", 0, "closed_all_day", true));
        for (int d = 1; d <= 5; d++) days.add(Map.of("day_of_week", d, "open_hour", 9, "open_minutes", 0, "close_hour", 17, "close_minutes", 0));
        days.add(Map.of("day_of_week", 6, "closed_all_day", true));
        return days;
    }

    @Test
    void aWaitOverTheWeekendCountsOnlyOfficeHours() {
        var hours = WorkingHours.of(true, "Europe/Berlin", officeWeek());
        // Friday 2026-11-20 16:00 Berlin (15:00 UTC) to Monday 2026-11-23 10:30 Berlin (09:30 UTC): 1 h Friday + 1.5 h Monday
        double seconds = hours.secondsOpenBetween(Instant.parse("2026-11-20T15:00:00Z"), Instant.parse("2026-11-23T09:30:00Z"));
        assertThat(seconds).isEqualTo(2.5 * 3600);
    }

    @Test
    void aWaitEntirelyOutsideHoursCountsNothing_andDisabledHoursCountEverything() {
        List<Map<String, Object>> week = officeWeek();
        Instant saturdayNoon = Instant.parse("2026-11-21T11:00:00Z");
        Instant saturdayEvening = Instant.parse("2026-11-21T18:00:00Z");
        assertThat(WorkingHours.of(true, "Europe/Berlin", week).secondsOpenBetween(saturdayNoon, saturdayEvening)).isZero();
        assertThat(WorkingHours.of(false, "Europe/Berlin", week).secondsOpenBetween(saturdayNoon, saturdayEvening)).isEqualTo(7 * 3600);
    }

    @Test
    void openAllDayAndUnlistedDays() {
        var hours = WorkingHours.of(true, "UTC", List.of(Map.of("day_of_week", 2, "open_all_day", true)));
        // Monday 12:00 to Wednesday 12:00 UTC: only Tuesday counts, whole
        assertThat(hours.secondsOpenBetween(Instant.parse("2026-11-23T12:00:00Z"), Instant.parse("2026-11-25T12:00:00Z"))).isEqualTo(24 * 3600);
    }

    /** Monday to Friday 09:00-12:00 and 13:00-17:00 (a lunch break), weekends closed. */
    private static List<Map<String, Object>> weekWithLunch() {
        List<Map<String, Object>> days = new ArrayList<>();
        days.add(Map.of("day_of_week", 0, "closed_all_day", true));
        for (int d = 1; d <= 5; d++) {
            days.add(Map.of("day_of_week", d, "periods", List.of(Map.of("open_hour", 9, "close_hour", 12), Map.of("open_hour", 13, "close_hour", 17))));
        }
        days.add(Map.of("day_of_week", 6, "closed_all_day", true));
        return days;
    }

    @Test
    void severalPeriodsADayLeaveTheBreakOut() {
        var hours = WorkingHours.of(true, "UTC", weekWithLunch());
        // Monday 11:00 to 14:00 UTC: 11-12 and 13-14
        assertThat(hours.secondsOpenBetween(Instant.parse("2026-11-23T11:00:00Z"), Instant.parse("2026-11-23T14:00:00Z"))).isEqualTo(2 * 3600);
    }

    @Test
    void openTimeIsCountedForwardOverBreaksNightsAndWeekends() {
        var hours = WorkingHours.of(true, "UTC", weekWithLunch());
        // 90 business minutes from Monday 11:30: 30 before lunch, 60 after it
        assertThat(hours.afterOpenTime(Instant.parse("2026-11-23T11:30:00Z"), java.time.Duration.ofMinutes(90)))
                .isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
        // 60 business minutes from Friday 16:30: 30 on Friday, 30 on Monday morning
        assertThat(hours.afterOpenTime(Instant.parse("2026-11-27T16:30:00Z"), java.time.Duration.ofMinutes(60)))
                .isEqualTo(Instant.parse("2026-11-30T09:30:00Z"));
        // from Saturday: the clock starts on Monday at 9
        assertThat(hours.afterOpenTime(Instant.parse("2026-11-28T10:00:00Z"), java.time.Duration.ofMinutes(10)))
                .isEqualTo(Instant.parse("2026-11-30T09:10:00Z"));
        assertThat(WorkingHours.of(false, "UTC", weekWithLunch()).afterOpenTime(Instant.parse("2026-11-28T10:00:00Z"), java.time.Duration.ofMinutes(10)))
                .isEqualTo(Instant.parse("2026-11-28T10:10:00Z"));
    }
}
