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

    InboxesController(InboxQueries queries, InboxManagement management) {
        this.queries = queries;
        this.management = management;
    }

    /** Chatwoot's {@code channel} object: an API inbox's webhook, or a website widget's settings. */
    record Channel(String type, String webhookUrl, Boolean hmacMandatory, String websiteUrl, String widgetColor, String welcomeTitle,
                   String welcomeTagline, String replyTime, Boolean preChatFormEnabled, Map<String, Object> preChatFormOptions,
                   Boolean continuityViaEmail, List<String> selectedFeatureFlags, String allowedDomains) {
        WebWidgetSettings widget() {
            return new WebWidgetSettings(websiteUrl, widgetColor, welcomeTitle, welcomeTagline, replyTime, preChatFormEnabled,
                    preChatFormOptions, continuityViaEmail, selectedFeatureFlags, allowedDomains);
        }
    }

    record InboxRequest(String name, Channel channel, Boolean enableAutoAssignment, Map<String, Object> autoAssignmentConfig,
                        Boolean lockToSingleConversation, Boolean greetingEnabled, String greetingMessage, String timezone,
                        String webhookUrl, Boolean hmacMandatory, Boolean workingHoursEnabled, String outOfOfficeMessage,
                        List<Map<String, Object>> workingHours) {
        WebWidgetSettings widget() {
            return channel == null ? new WebWidgetSettings(null, null, null, null, null, null, null, null, null, null) : channel.widget();
        }

        InboxSettings settings() {
            String webhook = channel != null && channel.webhookUrl() != null ? channel.webhookUrl() : webhookUrl;
            Boolean hmac = channel != null && channel.hmacMandatory() != null ? channel.hmacMandatory() : hmacMandatory;
            return new InboxSettings(name, webhook, hmac, enableAutoAssignment, autoAssignmentConfig, lockToSingleConversation,
                    greetingEnabled, greetingMessage, timezone, workingHoursEnabled, outOfOfficeMessage, workingHours);
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
        String type = body.channel() == null ? null : body.channel().type();
        return json(management.create(me.accountId(), type, body.settings(), body.widget(), me.actor()), true);
    }

    @PatchMapping("/{id}")
    @AdministratorOnly
    InboxJson update(Membership me, @PathVariable long id, @RequestBody InboxRequest body) {
        return json(management.update(me.accountId(), id, body.settings(), body.widget(), me.actor()), true);
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
