package dev.parley.inbox.web;

import dev.parley.account.Membership;
import dev.parley.inbox.InboxJson;
import dev.parley.inbox.InboxManagement;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxSettings;
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
        return Map.of("payload", queries.visibleTo(me).stream().map(i -> InboxJson.of(i, me.isAdministrator())).toList());
    }

    @GetMapping("/{id}")
    InboxJson show(Membership me, @PathVariable long id) {
        return InboxJson.of(queries.visible(me, id), me.isAdministrator());
    }

    @PostMapping
    @AdministratorOnly
    InboxJson create(Membership me, @RequestBody InboxRequest body) {
        return InboxJson.of(management.create(me.accountId(), body.type(), body.channelSettings(), body.settings(), me.actor()), true);
    }

    @PatchMapping("/{id}")
    @AdministratorOnly
    InboxJson update(Membership me, @PathVariable long id, @RequestBody InboxRequest body) {
        return InboxJson.of(management.update(me.accountId(), id, body.settings(), body.channelSettings(), me.actor()), true);
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
