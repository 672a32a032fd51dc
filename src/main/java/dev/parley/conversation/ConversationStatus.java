package dev.parley.conversation;

import java.util.Arrays;
import java.util.List;

/** Conversation status with Chatwoot's names and enum numbers (open 0, resolved 1, pending 2, snoozed 3). */
public enum ConversationStatus {
    OPEN, RESOLVED, PENDING, SNOOZED;

    public String apiName() {
        return name().toLowerCase();
    }

    public static ConversationStatus fromApi(String value) {
        return valueOf(value.trim().toUpperCase());
    }

    public static List<String> apiNames() {
        return Arrays.stream(values()).map(ConversationStatus::apiName).toList();
    }
}
