package dev.parley.inbox;

import dev.parley.shared.Errors;
import java.net.URI;

/** What a website widget's settings must be: Chatwoot's values for reply time and feature flags, a colour, an http(s) site. */
final class WebWidgetRules {

    private WebWidgetRules() {
    }

    static void check(Errors errors, WebWidgetSettings s) {
        if (s.replyTime() != null) errors.oneOf("reply_time", s.replyTime(), WebWidgetChannel.REPLY_TIMES);
        if (s.widgetColor() != null && !s.widgetColor().matches("#[0-9A-Fa-f]{3}([0-9A-Fa-f]{3})?")) {
            errors.add("widget_color", "must be a colour like #1f93ff");
        }
        if (s.selectedFeatureFlags() != null && s.selectedFeatureFlags().stream().anyMatch(f -> !WebWidgetChannel.FEATURE_FLAGS.contains(f))) {
            errors.add("selected_feature_flags", "must be among " + String.join(", ", WebWidgetChannel.FEATURE_FLAGS));
        }
        if (s.websiteUrl() != null && !s.websiteUrl().isBlank() && !isHttpUrl(s.websiteUrl())) {
            errors.add("website_url", "must be an http or https URL");
        }
        errors.maxLength("website_url", s.websiteUrl(), 2048).maxLength("welcome_title", s.welcomeTitle(), 255)
                .maxLength("welcome_tagline", s.welcomeTagline(), 1000).maxLength("allowed_domains", s.allowedDomains(), 2048)
                .attributeLengths("pre_chat_form_options", s.preChatFormOptions());
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value.trim());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
