package dev.parley.shared;

import java.time.Instant;

/** Chatwoot's API speaks unix seconds; these keep the conversion in one place. */
public final class Timestamps {
    private Timestamps() {
    }

    public static Long unix(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }

    public static Instant fromUnix(Long seconds) {
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }
}
