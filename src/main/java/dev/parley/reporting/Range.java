package dev.parley.reporting;

import java.time.Duration;
import java.time.Instant;

/** A report's time range [since, until), and the equally long one before it. */
public record Range(Instant since, Instant until) {

    public Range previous() {
        Duration length = Duration.between(since, until);
        return new Range(since.minus(length), since);
    }
}
