package dev.parley.webhook;

import dev.parley.shared.JsonCodec;
import dev.parley.webhook.persistence.DeliveryRepository;
import dev.parley.webhook.persistence.DeliveryRepository.Delivery;
import java.time.Clock;
import java.util.Map;
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

    public WebhookDeliveries(DeliveryRepository deliveries, JsonCodec json, Clock clock) {
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues the payload for the URL; a second call for the same source event and URL queues nothing.
     * Returns the delivery id, or null when it was already queued.
     */
    public UUID enqueue(long accountId, Long webhookId, String url, String secret, String event, Map<String, Object> payload,
                        UUID sourceEventId) {
        UUID id = UUID.randomUUID();
        boolean queued = deliveries.enqueue(new Delivery(id, accountId, webhookId, url, secret, event, json.write(payload), 0,
                clock.instant(), sourceEventId));
        return queued ? id : null;
    }
}
