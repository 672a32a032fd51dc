package dev.parley.inbox;

import java.util.List;
import java.util.Map;

/** The changeable settings of a website widget inbox, as Chatwoot's {@code channel: {...}} sends them; null stays as it is. */
public record WebWidgetSettings(String websiteUrl, String widgetColor, String welcomeTitle, String welcomeTagline, String replyTime,
                                Boolean preChatFormEnabled, Map<String, Object> preChatFormOptions, Boolean continuityViaEmail,
                                List<String> selectedFeatureFlags, String allowedDomains) {

    public static final WebWidgetSettings NONE = new WebWidgetSettings(null, null, null, null, null, null, null, null, null, null);
}
