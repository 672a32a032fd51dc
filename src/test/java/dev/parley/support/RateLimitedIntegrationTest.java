package dev.parley.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Base of rate limit tests: their own context with small limits and a clock that moves only when told, so a
 * window passes exactly when the test says. Each test starts with every bucket refilled (an hour later).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.data-dir=",
        "parley.platform-token=" + IntegrationTest.PLATFORM_TOKEN,
        "parley.rate-limits.sign-in.per-email=5",
        "parley.rate-limits.sign-in.per-ip=20",
        "parley.rate-limits.sign-in.window=PT15M",
        "parley.rate-limits.public-api.per-contact=3",
        "parley.rate-limits.public-api.per-ip=10",
        "parley.rate-limits.public-api.window=PT1M"})
@Import(StillTime.class)
public abstract class RateLimitedIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected MovableClock clock;

    protected Fixtures fixtures;

    @BeforeEach
    void freshBuckets() {
        fixtures = new Fixtures(port);
        clock.advance(Duration.ofHours(1));
    }

    /** A JSON POST to the public API, with the response's headers (the shared test client keeps none). */
    protected HttpResponse<String> postJson(int toPort, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + toPort + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
