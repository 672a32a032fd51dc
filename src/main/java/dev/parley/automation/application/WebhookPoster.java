package dev.parley.automation.application;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * POSTs a rule's webhook payload, with timeouts and three tries (0.5 s, then 1 s apart). The durable,
 * signed delivery queue belongs to the webhook capability; this is the rule action's direct path.
 */
@Component
class WebhookPoster {

    static final int ATTEMPTS = 3;

    private final RestClient http;

    WebhookPoster() {
        var factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(3));
        factory.setReadTimeout(Duration.ofSeconds(5));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    /** Returns the attempt that succeeded (1-based); throws the last failure after {@link #ATTEMPTS}. */
    int post(String url, Map<String, Object> payload) {
        RestClientException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                http.post().uri(URI.create(url)).contentType(MediaType.APPLICATION_JSON).body(payload).retrieve().toBodilessEntity();
                return attempt;
            } catch (RestClientException e) {
                last = e;
                sleep(attempt * 500L);
            }
        }
        throw last;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
