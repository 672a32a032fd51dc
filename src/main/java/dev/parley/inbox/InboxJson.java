package dev.parley.inbox;

import java.util.List;
import java.util.Map;

/** Chatwoot's inbox JSON for an API channel (one home for the API, contactable inboxes, ...); the HMAC token is shown to administrators only. */
public record InboxJson(long id, long accountId, String name, String channelType, long channelId, String avatarUrl,
                 String inboxIdentifier, String webhookUrl, String hmacToken, boolean hmacMandatory,
                 boolean enableAutoAssignment, Map<String, Object> autoAssignmentConfig, boolean lockToSingleConversation,
                 boolean allowMessagesAfterResolved, boolean greetingEnabled, String greetingMessage, boolean workingHoursEnabled,
                 List<Map<String, Object>> workingHours, boolean enableEmailCollect, boolean csatSurveyEnabled, String timezone,
                 Map<String, Object> additionalAttributes, String outOfOfficeMessage) {

    public static InboxJson of(InboxView i, boolean showSecrets) {
        return new InboxJson(i.id(), i.accountId(), i.name(), i.channelType(), i.id(), "", i.identifier(), i.webhookUrl(),
                showSecrets ? i.hmacToken() : null, i.hmacMandatory(), i.enableAutoAssignment(), i.autoAssignmentConfig(),
                i.lockToSingleConversation(), true, i.greetingEnabled(), i.greetingMessage(), i.workingHoursEnabled(),
                i.workingHoursEntries(), false, false, i.timezone(), Map.of(), i.outOfOfficeMessage());
    }
}
