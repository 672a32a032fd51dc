package dev.parley.widget.web;

import dev.parley.inbox.InboxView;
import dev.parley.inbox.WebWidgetChannel;
import dev.parley.widget.application.Visitor;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/** Chatwoot's {@code website_channel_config} (widget {@code configs/create}): what the widget shows and how it behaves. */
record WidgetConfigJson(boolean allowMessagesAfterResolved, String apiHost, String authToken, String avatarUrl, String channelAvatarUrl,
                        boolean csatSurveyEnabled, boolean disableBranding, List<String> enabledFeatures,
                        List<Map<String, String>> enabledLanguages, String locale, String outOfOfficeMessage, Object portal,
                        boolean preChatFormEnabled, Map<String, Object> preChatFormOptions, String replyTime, String timezone,
                        String utcOffSet, String websiteName, String websiteToken, String welcomeTagline, String welcomeTitle,
                        String widgetColor, List<Map<String, Object>> workingHours, boolean workingHoursEnabled, long accountId,
                        boolean greetingEnabled, String greetingMessage, boolean hmacMandatory, boolean continuityViaEmail) {

    static WidgetConfigJson of(Visitor visitor, String authToken, String apiHost) {
        InboxView inbox = visitor.inbox();
        WebWidgetChannel w = visitor.channel();
        return new WidgetConfigJson(true, apiHost, authToken, "", "", false, false, w.selectedFeatureFlags(),
                List.of(Map.of("iso_639_1_code", "en", "name", "English"), Map.of("iso_639_1_code", "fr", "name", "Français")),
                "en", inbox.outOfOfficeMessage(), null, w.preChatFormEnabled(), w.preChatFormOptions(), w.replyTime(), inbox.timezone(),
                offset(inbox.timezone()), inbox.name(), w.websiteToken(), w.welcomeTagline(), w.welcomeTitle(), w.widgetColor(),
                inbox.workingHoursEntries(), inbox.workingHoursEnabled(), inbox.accountId(), inbox.greetingEnabled(),
                inbox.greetingMessage(), inbox.hmacMandatory(), w.continuityViaEmail());
    }

    private static String offset(String timezone) {
        try {
            return ZonedDateTime.now(ZoneId.of(timezone)).getOffset().getId().replace("Z", "+00:00");
        } catch (RuntimeException e) {
            return "+00:00";
        }
    }
}
