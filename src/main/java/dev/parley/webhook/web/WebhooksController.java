package dev.parley.webhook.web;

import dev.parley.account.Membership;
import dev.parley.shared.AdministratorOnly;
import dev.parley.webhook.WebhookView;
import dev.parley.webhook.Webhooks;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chatwoot's webhooks API (administrators only), plus each webhook's deliveries. */
@RestController
@AdministratorOnly
@RequestMapping("/api/v1/accounts/{accountId}/webhooks")
class WebhooksController {

    private final Webhooks webhooks;

    WebhooksController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    record WebhookFields(String name, String url, List<String> subscriptions, Long inboxId) {
    }

    /** Chatwoot clients wrap the fields in {@code webhook}; flat fields are accepted too. */
    record WebhookRequest(WebhookFields webhook, String name, String url, List<String> subscriptions, Long inboxId) {
        WebhookFields fields() {
            return webhook != null ? webhook : new WebhookFields(name, url, subscriptions, inboxId);
        }
    }

    @GetMapping
    Map<String, Object> index(Membership me) {
        return Map.of("payload", Map.of("webhooks", webhooks.all(me.accountId()).stream().map(WebhooksController::json).toList()));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(Membership me, @PathVariable long id) {
        return Map.of("payload", Map.of("webhook", json(webhooks.get(me.accountId(), id))));
    }

    @PostMapping
    Map<String, Object> create(Membership me, @RequestBody WebhookRequest body) {
        WebhookFields f = body.fields();
        return Map.of("payload", Map.of("webhook", json(webhooks.create(me.accountId(), f.name(), f.url(), f.subscriptions(), f.inboxId()))));
    }

    @PatchMapping("/{id}")
    Map<String, Object> update(Membership me, @PathVariable long id, @RequestBody WebhookRequest body) {
        WebhookFields f = body.fields();
        return Map.of("payload", Map.of("webhook", json(webhooks.update(me.accountId(), id, f.name(), f.url(), f.subscriptions(), f.inboxId()))));
    }

    @PutMapping("/{id}")
    Map<String, Object> replace(Membership me, @PathVariable long id, @RequestBody WebhookRequest body) {
        return update(me, id, body);
    }

    @DeleteMapping("/{id}")
    Map<String, Object> delete(Membership me, @PathVariable long id) {
        webhooks.delete(me.accountId(), id);
        return Map.of();
    }

    @GetMapping("/{id}/deliveries")
    Map<String, Object> deliveries(Membership me, @PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
        return Map.of("payload", webhooks.deliveries(me.accountId(), id, Math.min(Math.max(limit, 1), 1000)));
    }

    /** Chatwoot's webhook JSON, with the header Parley signs deliveries in. */
    record WebhookJson(long id, long accountId, String name, String url, List<String> subscriptions, Long inboxId, String secret,
                       String signatureHeader) {
    }

    static WebhookJson json(WebhookView w) {
        return new WebhookJson(w.id(), w.accountId(), w.name(), w.url(), w.subscriptions(), w.inboxId(), w.secret(), "X-Parley-Signature");
    }
}
