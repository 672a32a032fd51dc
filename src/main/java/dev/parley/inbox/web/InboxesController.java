package dev.parley.inbox.web;

import dev.parley.account.Membership;
import dev.parley.inbox.InboxJson;
import dev.parley.inbox.InboxManagement;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxSettings;
import dev.parley.inbox.InboxView;
import dev.parley.inbox.WebWidgetChannel;
import dev.parley.inbox.WebWidgetSettings;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import dev.parley.shared.AdministratorOnly;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Inboxes of an account: agents see their own, administrators manage all. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/inboxes")
class InboxesController {

    private final InboxQueries queries;
    private final InboxManagement management;
    private final JsonMapper json;

    InboxesController(InboxQueries queries, InboxManagement management, JsonMapper json) {
        this.json = json;
        this.queries = queries;
        this.management = management;
    }

    /** A website widget's settings, read from Chatwoot's {@code channel} object with the API's own casts. */
    record Channel(String type, String webhookUrl, Boolean hmacMandatory, String websiteUrl, String widgetColor, String welcomeTitle,
                   String welcomeTagline, String replyTime, Boolean preChatFormEnabled, Map<String, Object> preChatFormOptions,
                   Boolean continuityViaEmail, List<String> selectedFeatureFlags, String allowedDomains) {
        WebWidgetSettings widget() {
            return new WebWidgetSettings(websiteUrl, widgetColor, welcomeTitle, welcomeTagline, replyTime, preChatFormEnabled,
                    preChatFormOptions, continuityViaEmail, selectedFeatureFlags, allowedDomains);
        }
    }

    /** Chatwoot's {@code channel} object: an API inbox's webhook, a website widget's settings, or an email inbox's. */
    record InboxRequest(String name, Map<String, Object> channel, Boolean enableAutoAssignment, Map<String, Object> autoAssignmentConfig,
                        Boolean lockToSingleConversation, Boolean greetingEnabled, String greetingMessage, String timezone,
                        String webhookUrl, Boolean hmacMandatory, Boolean workingHoursEnabled, String outOfOfficeMessage,
                        List<Map<String, Object>> workingHours) {
        InboxSettings settings() {
            String webhook = channel("webhook_url") instanceof String s ? s : webhookUrl;
            Boolean hmac = channel("hmac_mandatory") instanceof Boolean b ? b : hmacMandatory;
            return new InboxSettings(name, webhook, hmac, enableAutoAssignment, autoAssignmentConfig, lockToSingleConversation,
                    greetingEnabled, greetingMessage, timezone, workingHoursEnabled, outOfOfficeMessage, workingHours);
        }

        Object channel(String key) {
            return channel == null ? null : channel.get(key);
        }

        /** The channel's own settings (everything under "channel" but its type and the API channel's keys). */
        Map<String, Object> channelSettings() {
            if (channel == null) return Map.of();
            var settings = new java.util.LinkedHashMap<>(channel);
            List.of("type", "webhook_url", "hmac_mandatory").forEach(settings::remove);
            return settings;
        }

        String type() {
            return channel("type") == null ? null : String.valueOf(channel("type"));
        }
    }

    @GetMapping
    Map<String, List<InboxJson>> index(Membership me) {
        List<InboxView> inboxes = queries.visibleTo(me);
        Map<Long, WebWidgetChannel> widgets = queries.webWidgets(inboxes.stream().map(InboxView::id).toList());
        return Map.of("payload", inboxes.stream().map(i -> InboxJson.of(i, widgets.get(i.id()), baseUrl(), me.isAdministrator())).toList());
    }

    @GetMapping("/{id}")
    InboxJson show(Membership me, @PathVariable long id) {
        return json(queries.visible(me, id), me.isAdministrator());
    }

    @PostMapping
    @AdministratorOnly
    InboxJson create(Membership me, @RequestBody InboxRequest body) {
        return json(management.create(me.accountId(), body.type(), body.channelSettings(), body.settings(), widget(body), me.actor()), true);
    }

    @PatchMapping("/{id}")
    @AdministratorOnly
    InboxJson update(Membership me, @PathVariable long id, @RequestBody InboxRequest body) {
        return json(management.update(me.accountId(), id, body.settings(), body.channelSettings(), widget(body), me.actor()), true);
    }

    private WebWidgetSettings widget(InboxRequest body) {
        if (body.channel() == null) return WebWidgetSettings.NONE;
        try {
            return json.convertValue(body.channel(), Channel.class).widget();
        } catch (RuntimeException notTheRightTypes) { // e.g. pre_chat_form_enabled: [] — a client's mistake, not a server error
            throw dev.parley.shared.InvalidInput.of("channel", "has a setting of the wrong type");
        }
    }

    private InboxJson json(InboxView inbox, boolean showSecrets) {
        return InboxJson.of(inbox, queries.webWidget(inbox.id()).orElse(null), baseUrl(), showSecrets);
    }

    /** The server's address as the caller reached it, for the widget snippet's BASE_URL. */
    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    @PutMapping("/{id}")
    @AdministratorOnly
    InboxJson replace(Membership me, @PathVariable long id, @RequestBody InboxRequest body) {
        return update(me, id, body);
    }

    @DeleteMapping("/{id}")
    @AdministratorOnly
    Map<String, Object> delete(Membership me, @PathVariable long id) {
        management.delete(me.accountId(), id);
        return Map.of();
    }
}
