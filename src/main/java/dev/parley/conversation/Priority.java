package dev.parley.conversation;

import java.util.Arrays;
import java.util.List;

/** Conversation priority (none is null), Chatwoot's names. */
public enum Priority {
    LOW, MEDIUM, HIGH, URGENT;

    public String apiName() {
        return name().toLowerCase();
    }

    public static Priority fromApi(String value) {
        return value == null || value.isBlank() || "nil".equals(value) ? null : valueOf(value.trim().toUpperCase());
    }

    public static List<String> apiNames() {
        return Arrays.stream(values()).map(Priority::apiName).toList();
    }
}
