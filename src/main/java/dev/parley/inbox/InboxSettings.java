package dev.parley.inbox;

import java.util.List;
import java.util.Map;

/** The changeable settings of an inbox; null fields stay as they are. */
public record InboxSettings(String name, String webhookUrl, Boolean hmacMandatory, Boolean enableAutoAssignment,
                            Map<String, Object> autoAssignmentConfig, Boolean lockToSingleConversation,
                            Boolean greetingEnabled, String greetingMessage, String timezone, Boolean workingHoursEnabled,
                            String outOfOfficeMessage, List<Map<String, Object>> workingHours) {

    public InboxSettings(String name, String webhookUrl, Boolean hmacMandatory, Boolean enableAutoAssignment,
                         Map<String, Object> autoAssignmentConfig, Boolean lockToSingleConversation, Boolean greetingEnabled,
                         String greetingMessage, String timezone) {
        this(name, webhookUrl, hmacMandatory, enableAutoAssignment, autoAssignmentConfig, lockToSingleConversation, greetingEnabled,
                greetingMessage, timezone, null, null, null);
    }

    /** Only a name (or, with null, nothing) changes. */
    public static InboxSettings named(String name) {
        return new InboxSettings(name, null, null, null, null, null, null, null, null);
    }
}
