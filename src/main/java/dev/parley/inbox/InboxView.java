package dev.parley.inbox;

import java.util.Map;

/** An inbox with the settings other modules act on. */
public record InboxView(long id, long accountId, String name, String channelType, String identifier, String webhookUrl,
                        String hmacToken, boolean hmacMandatory, boolean enableAutoAssignment,
                        Map<String, Object> autoAssignmentConfig, boolean lockToSingleConversation, boolean greetingEnabled,
                        String greetingMessage, String timezone) {
}
