package dev.parley.webhook;

import dev.parley.shared.JsonCodec;
import dev.parley.webhook.persistence.DeliveryRepository;
import dev.parley.webhook.persistence.DeliveryRepository.Delivery;
import dev.parley.webhook.persistence.WebhookRepository;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The one way anything in Parley sends a webhook: it queues a delivery, the worker does the rest. */
@Service
@Transactional
public class WebhookDeliveries {

    private final DeliveryRepository deliveries;
    private final JsonCodec json;
    private final Clock clock;
    private final WebhookRepository webhooks;

    public WebhookDeliveries(DeliveryRepository deliveries, JsonCodec json, Clock clock, WebhookRepository webhooks) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues the payload for the URL; a second call for the same source event and URL queues nothing.
     * Returns the delivery id, or null when it was already queued.
     */
    public UUID enqueue(long accountId, Long webhookId, String url, String secret, String event, Object payload,
                        UUID sourceEventId) {
        UUID id = UUID.randomUUID();
        boolean queued = deliveries.enqueue(new Delivery(id, accountId, webhookId, url, secret, event, json.write(payload), 0,
                clock.instant(), sourceEventId));
        return queued ? id : null;
    }

    /**
     * Queues an event that no core event carries (the widget's {@code webwidget_triggered}) for every webhook of the
     * account subscribed to it (an inbox's webhook only for its inbox); {@code event} is added to the payload.
     */
    public void toSubscribers(long accountId, long inboxId, String event, Object payload, UUID sourceEventId) {
        var body = WebhookBody.of(payload, event);
        for (WebhookView w : webhooks.subscribed(accountId, event, inboxId)) {
            enqueue(accountId, w.id(), w.url(), w.secret(), event, body, sourceEventId);
        }
    }
}
