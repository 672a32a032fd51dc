package dev.parley.sla;

/** What a client sends to create or change a policy; null fields are left as they are on update. */
public record SlaPolicyInput(String name, String description, Double firstResponseTimeThreshold, Double nextResponseTimeThreshold,
                             Double resolutionTimeThreshold, Boolean onlyDuringBusinessHours) {
}
