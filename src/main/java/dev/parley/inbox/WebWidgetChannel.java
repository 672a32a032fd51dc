package dev.parley.inbox;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The settings of a website widget inbox (Chatwoot's Channel::WebWidget); {@code websiteToken} names it to the widget API. */
public record WebWidgetChannel(long inboxId, String websiteToken, String websiteUrl, String widgetColor, String welcomeTitle,
                               String welcomeTagline, String replyTime, boolean preChatFormEnabled,
                               Map<String, Object> preChatFormOptions, boolean continuityViaEmail, List<String> selectedFeatureFlags,
                               String allowedDomains) {

    public static final List<String> REPLY_TIMES = List.of("in_a_few_minutes", "in_a_few_hours", "in_a_day");
    public static final List<String> FEATURE_FLAGS = List.of("attachments", "emoji_picker", "end_conversation", "use_inbox_avatar_for_bot");

    public boolean feature(String flag) {
        return selectedFeatureFlags.contains(flag);
    }

    /** The domains the widget may be embedded on (Chatwoot's comma-separated {@code allowed_domains}); empty: any. */
    public List<String> domains() {
        return Arrays.stream(allowedDomains == null ? new String[0] : allowedDomains.split("[,\\s]+"))
                .map(d -> d.trim().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).toList();
    }

    /**
     * Whether a page of {@code origin} (scheme://host[:port]) may call the widget API: any origin when no domain is
     * set; otherwise the origin's host must be one of them, or under one written as {@code *.example.com}.
     */
    public boolean allowsOrigin(String origin) {
        List<String> domains = domains();
        if (domains.isEmpty()) return true;
        String host;
        try {
            host = origin == null ? null : URI.create(origin).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        return domains.stream().map(WebWidgetChannel::hostOf).anyMatch(d -> d.startsWith("*.")
                ? h.endsWith(d.substring(1)) || h.equals(d.substring(2)) : h.equals(d));
    }

    private static String hostOf(String domain) {
        String d = domain.replaceFirst("^[a-z]+://", "");
        int end = d.indexOf('/');
        d = end < 0 ? d : d.substring(0, end);
        int port = d.lastIndexOf(':');
        return port < 0 ? d : d.substring(0, port);
    }

    /** Chatwoot's embed snippet for this inbox, with the server's base URL. */
    public String script(String baseUrl) {
        return """
                <script>
                  (function(d,t) {
                    var BASE_URL="%s";
                    var g=d.createElement(t),s=d.getElementsByTagName(t)[0];
                    g.src=BASE_URL+"/packs/js/sdk.js";
                    g.async = true;
                    s.parentNode.insertBefore(g,s);
                    g.onload=function(){
                      window.chatwootSDK.run({
                        websiteToken: '%s',
                        baseUrl: BASE_URL
                      })
                    }
                  })(document,"script");
                </script>
                """.formatted(baseUrl, websiteToken);
    }
}
