package dev.parley.web.dashboard;

import dev.parley.shared.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Until when a snooze lasts: a preset (an hour, tomorrow, a week, or until the customer replies: no time), or a
 * date and time the agent picked. The browser sends the picked time in UTC (until_at); without script, the picked
 * local time is read as UTC. A time in the past is refused.
 */
final class SnoozeUntil {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE MMM d, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private SnoozeUntil() {
    }

    static Instant chosen(String preset, String utc, String local, Clock clock) {
        Instant picked = picked(utc, local);
        if (picked != null) {
            if (!picked.isAfter(clock.instant())) throw InvalidInput.of("snoozed_until", "must be in the future");
            return picked;
        }
        return switch (preset) {
            case "hour" -> clock.instant().plus(Duration.ofHours(1));
            case "tomorrow" -> clock.instant().plus(Duration.ofDays(1));
            case "week" -> clock.instant().plus(Duration.ofDays(7));
            default -> null;
        };
    }

    static String shown(Instant until) {
        return SHOWN.format(until);
    }

    private static Instant picked(String utc, String local) {
        try {
            if (!utc.isBlank()) return Instant.parse(utc.trim());
            if (!local.isBlank()) return LocalDateTime.parse(local.trim()).toInstant(ZoneOffset.UTC);
            return null;
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("snoozed_until", "is not a date and time");
        }
    }
}
