package dev.parley.webhook;

import dev.parley.inbox.InboxQueries;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import dev.parley.shared.Tokens;
import dev.parley.shared.UrlSafety;
import dev.parley.webhook.persistence.DeliveryRepository;
import dev.parley.webhook.persistence.WebhookRepository;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Account webhooks (Chatwoot's subscriptions), each with its own signing secret, and their deliveries. */
@Service
@Transactional
public class Webhooks {

    public static final List<String> SUBSCRIPTIONS = List.of("conversation_status_changed", "conversation_updated", "conversation_created",
            "contact_created", "contact_updated", "message_created", "message_updated", "webwidget_triggered", "inbox_created",
            "inbox_updated", "conversation_typing_on", "conversation_typing_off");

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final UrlSafety safety;
    private final InboxQueries inboxes;

    public Webhooks(WebhookRepository webhooks, DeliveryRepository deliveries, UrlSafety safety, InboxQueries inboxes) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.safety = safety;
        this.inboxes = inboxes;
    }

    public WebhookView create(long accountId, String name, String url, List<String> subscriptions, Long inboxId) {
        var errors = new Errors().requireText("url", url);
        if (subscriptions == null || subscriptions.isEmpty()) errors.add("subscriptions", "can't be blank");
        errors.throwIfAny();
        check(accountId, url, subscriptions, inboxId, 0);
        return webhooks.insert(new WebhookView(0, accountId, inboxId, name, url.trim(), subscriptions, Tokens.random(24), null));
    }

    public WebhookView update(long accountId, long id, String name, String url, List<String> subscriptions, Long inboxId) {
        WebhookView current = get(accountId, id);
        String newUrl = url != null ? url.trim() : current.url();
        List<String> newSubscriptions = subscriptions != null ? subscriptions : current.subscriptions();
        if (newSubscriptions.isEmpty()) throw InvalidInput.of("subscriptions", "can't be blank");
        Long newInbox = inboxId != null ? inboxId : current.inboxId();
        check(accountId, newUrl, newSubscriptions, newInbox, id);
        webhooks.update(new WebhookView(id, accountId, newInbox, name != null ? name : current.name(), newUrl, newSubscriptions,
                current.secret(), current.createdAt()));
        return get(accountId, id);
    }

    public void delete(long accountId, long id) {
        get(accountId, id);
        webhooks.delete(id);
    }

    @Transactional(readOnly = true)
    public WebhookView get(long accountId, long id) {
        return webhooks.find(accountId, id).orElseThrow(() -> new ResourceNotFound("Webhook"));
    }

    @Transactional(readOnly = true)
    public List<WebhookView> all(long accountId) {
        return webhooks.all(accountId);
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> deliveries(long accountId, long id, int limit) {
        get(accountId, id);
        return deliveries.ofWebhook(id, limit);
    }

    private void check(long accountId, String url, List<String> subscriptions, Long inboxId, long exceptId) {
        var errors = new Errors().maxLength("url", url, 2048);
        String problem = errors.isEmpty() ? safety.problem(url) : null;
        if (problem != null) errors.add("url", problem);
        List<String> unknown = subscriptions.stream().filter(s -> s == null || !SUBSCRIPTIONS.contains(s)).toList();
        if (!unknown.isEmpty()) errors.add("subscriptions", "not supported: " + unknown.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
        if (inboxId != null && inboxes.find(accountId, inboxId).isEmpty()) errors.add("inbox_id", "does not exist in this account");
        errors.throwIfAny();
        if (webhooks.urlTaken(accountId, url.trim(), exceptId)) throw InvalidInput.of("url", "has already been taken");
    }
}
