package dev.parley.inbox;

import java.util.List;
import java.util.Map;

/** An inbox with the settings other modules act on. */
public record InboxView(long id, long accountId, String name, String channelType, String identifier, String webhookUrl,
                        String hmacToken, boolean hmacMandatory, boolean enableAutoAssignment,
                        Map<String, Object> autoAssignmentConfig, boolean lockToSingleConversation, boolean greetingEnabled,
                        String greetingMessage, String timezone, boolean workingHoursEnabled, String outOfOfficeMessage,
                        List<Map<String, Object>> workingHoursEntries, ChannelAttributes channel) {

    /** The inbox's business hours, for the reports' business-hours figures. */
    public WorkingHours workingHours() {
        return WorkingHours.of(workingHoursEnabled, timezone, workingHoursEntries);
    }
}
