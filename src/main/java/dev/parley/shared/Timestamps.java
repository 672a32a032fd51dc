package dev.parley.shared;

import java.time.Instant;

/** Chatwoot's API speaks unix seconds; these keep the conversion in one place. */
public final class Timestamps {
    private Timestamps() {
    }

    public static Long unix(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }

    /** An ISO time with milliseconds in UTC, as Rails renders a time attribute (e.g. 2024-05-01T09:30:00.000Z). */
    public static String iso(Instant instant) {
        return instant == null ? null : java.time.format.DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .replaceFirst("(:\\d\\d)Z$", "$1.000Z");
    }

    public static Instant fromUnix(Long seconds) {
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }
}
