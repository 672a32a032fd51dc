package dev.parley.inbox;

import java.util.Map;

/** The changeable settings of an inbox; null fields stay as they are. */
public record InboxSettings(String name, String webhookUrl, Boolean hmacMandatory, Boolean enableAutoAssignment,
                            Map<String, Object> autoAssignmentConfig, Boolean lockToSingleConversation,
                            Boolean greetingEnabled, String greetingMessage, String timezone) {
}
