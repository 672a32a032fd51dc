package dev.parley.sla;

import java.time.Instant;

/** An SLA policy; thresholds in seconds, null when the policy does not measure that. */
public record SlaPolicyView(long id, long accountId, String name, String description, Double firstResponseTimeThreshold,
                            Double nextResponseTimeThreshold, Double resolutionTimeThreshold, boolean onlyDuringBusinessHours,
                            Instant createdAt, Instant updatedAt) {
}
