package dev.parley.widget.web;

import dev.parley.webhook.WebhookDeliveries;
import dev.parley.webhook.WebhookPayloads;
import dev.parley.widget.application.Visitor;
import dev.parley.widget.application.VisitorConversations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/widget/events} ({@code {name, event_info}}): the widget tells what the visitor did. The widget
 * being opened ({@code webwidget.triggered}) is Chatwoot's {@code webwidget_triggered} webhook: id, contact, inbox,
 * account, current conversation, source id and the event info.
 */
@RestController
class WidgetEventsController {

    private final WebhookDeliveries webhooks;
    private final WebhookPayloads payloads;
    private final VisitorConversations conversations;

    WidgetEventsController(WebhookDeliveries webhooks, WebhookPayloads payloads, VisitorConversations conversations) {
        this.webhooks = webhooks;
        this.payloads = payloads;
        this.conversations = conversations;
    }

    record EventRequest(String name, Map<String, Object> eventInfo, String locale) {
    }

    @PostMapping("/api/v1/widget/events")
    @Transactional
    ResponseEntity<Void> create(Visitor visitor, @RequestBody EventRequest body,
                                @RequestHeader(name = "Accept-Language", required = false) String language) {
        if (!"webwidget.triggered".equals(body.name())) return ResponseEntity.noContent().build();
        var info = new LinkedHashMap<String, Object>(body.eventInfo() == null ? Map.of() : body.eventInfo());
        if (body.locale() != null) info.putIfAbsent("widget_language", body.locale());
        if (language != null) info.putIfAbsent("browser_language", language.split("[,;]")[0].trim());
        var payload = payloads.widgetTriggered(visitor.contactInbox(), visitor.contact(), visitor.inbox(),
                conversations.current(visitor).orElse(null), info);
        webhooks.toSubscribers(visitor.accountId(), visitor.inbox().id(), "webwidget_triggered", payload, UUID.randomUUID());
        return ResponseEntity.noContent().build();
    }
}
