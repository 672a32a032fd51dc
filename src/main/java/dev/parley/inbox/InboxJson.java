package dev.parley.inbox;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/** Chatwoot's inbox JSON for an API channel (one home for the API, contactable inboxes, ...); the HMAC token is shown to administrators only. */
public record InboxJson(long id, long accountId, String name, String channelType, long channelId, String avatarUrl,
                 String inboxIdentifier, String webhookUrl, String hmacToken, boolean hmacMandatory,
                 boolean enableAutoAssignment, Map<String, Object> autoAssignmentConfig, boolean lockToSingleConversation,
                 boolean allowMessagesAfterResolved, boolean greetingEnabled, String greetingMessage, boolean workingHoursEnabled,
                 List<Map<String, Object>> workingHours, boolean enableEmailCollect, boolean csatSurveyEnabled, String timezone,
                 Map<String, Object> additionalAttributes, String outOfOfficeMessage, boolean csatResponseVisible,
                 String callbackWebhookUrl, String senderNameType, String businessName,
                 @JsonUnwrapped OtherChannelKeys otherChannels, @JsonUnwrapped WebWidgetKeys webWidget,
                 @JsonIgnore Map<String, Object> channelKeys) {

    /** The channel's own keys (e.g. an email inbox's {@code email} and {@code forward_to_email}), at the top level as in Chatwoot. */
    @JsonAnyGetter
    public Map<String, Object> channelAttributes() {
        return channelKeys;
    }

    /** Keys Chatwoot's inbox partial adds for a website widget inbox only (absent for other channels). */
    public record WebWidgetKeys(boolean preChatFormEnabled, Map<String, Object> preChatFormOptions, boolean continuityViaEmail,
                                String allowedDomains) {
    }

    /**
     * Keys Chatwoot's inbox partial renders for every inbox with {@code channel.try(...)}: they belong to
     * website, Twilio and other channels, so an API inbox has them, null.
     */
    public record OtherChannelKeys(String widgetColor, String websiteUrl, String welcomeTitle, String welcomeTagline,
                                   String webWidgetScript, String websiteToken, Object selectedFeatureFlags, String replyTime,
                                   String messagingServiceSid, String phoneNumber, String provider) {
        static final OtherChannelKeys NONE = new OtherChannelKeys(null, null, null, null, null, null, null, null, null, null, null);
    }


    /** Chatwoot renders the Twilio channel's medium (sms / whatsapp) for every inbox; no Parley channel has one. */
    @com.fasterxml.jackson.annotation.JsonProperty("medium")
    public String medium() {
        return null;
    }

    public static InboxJson of(InboxView i, boolean showSecrets) {
        return of(i, null, null, showSecrets);
    }

    /** The JSON of any inbox; a website widget inbox ({@code widget} not null) has its widget keys and snippet for {@code baseUrl}. */
    public static InboxJson of(InboxView i, WebWidgetChannel widget, String baseUrl, boolean showSecrets) {
        OtherChannelKeys channelKeys = widget == null ? OtherChannelKeys.NONE : new OtherChannelKeys(widget.widgetColor(),
                widget.websiteUrl(), widget.welcomeTitle(), widget.welcomeTagline(), widget.script(baseUrl), widget.websiteToken(),
                widget.selectedFeatureFlags(), widget.replyTime(), null, null, null);
        WebWidgetKeys widgetKeys = widget == null ? null : new WebWidgetKeys(widget.preChatFormEnabled(), widget.preChatFormOptions(),
                widget.continuityViaEmail(), widget.allowedDomains());
        return new InboxJson(i.id(), i.accountId(), i.name(), i.channelType(), i.id(), "", i.identifier(), i.webhookUrl(),
                showSecrets ? i.hmacToken() : null, i.hmacMandatory(), i.enableAutoAssignment(), i.autoAssignmentConfig(),
                i.lockToSingleConversation(), true, i.greetingEnabled(), i.greetingMessage(), i.workingHoursEnabled(),
                i.workingHoursEntries(), false, false, i.timezone(), Map.of(), i.outOfOfficeMessage(), false, null, "friendly", null,
                channelKeys, widgetKeys, showSecrets ? i.channel().all() : i.channel().shown());
    }
}
