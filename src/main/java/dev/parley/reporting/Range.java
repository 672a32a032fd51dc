package dev.parley.reporting;

import java.time.Duration;
import java.time.Instant;

/**
 * A report's time range [since, until), and the equally long one before it. With {@code businessHours}, the
 * time figures count only the part inside each inbox's business hours (Chatwoot's business_hours=true).
 */
public record Range(Instant since, Instant until, boolean businessHours) {

    public Range(Instant since, Instant until) {
        this(since, until, false);
    }

    public Range previous() {
        Duration length = Duration.between(since, until);
        return new Range(since.minus(length), since, businessHours);
    }

    public Range inBusinessHours(boolean onlyBusinessHours) {
        return new Range(since, until, onlyBusinessHours);
    }

    /** The reporting_events column a time figure averages. */
    String valueColumn() {
        return businessHours ? "e.value_in_business_hours" : "e.value";
    }
}
