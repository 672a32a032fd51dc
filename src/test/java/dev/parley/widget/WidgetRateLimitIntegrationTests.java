package dev.parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Fixtures;
import dev.parley.support.RateLimitedIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Limits of this context: 3 creations a minute per visitor, 10 per address, 5 new visitors per address. */
class WidgetRateLimitIntegrationTests extends RateLimitedIntegrationTest {

    @Test
    void aVisitorWritingTooFastGets429InChatwootsShapeUntilTheWindowPasses() {
        Fixtures.Team team = fixtures.account();
        var inbox = WidgetFixtures.widgetInbox(team, Map.of());
        WidgetVisitor visitor = WidgetVisitor.arrive(port, inbox.websiteToken());
        for (int i = 0; i < 3; i++) visitor.post("/api/v1/widget/messages", Map.of("message", Map.of("content", "m" + i))).expect(200);
        var refused = visitor.post("/api/v1/widget/messages", Map.of("message", Map.of("content", "too many"))).expect(429).json();
        assertThat(refused.get("error").asString()).startsWith("Too many requests; try again in");
        assertThat(visitor.get("/api/v1/widget/messages").expect(200).json()).hasSize(3); // nothing of the refused one stored
        var withHeaders = visitor.raw("POST", "/api/v1/widget/conversations", Map.of("X-Auth-Token", visitor.authToken));
        assertThat(withHeaders.statusCode()).isEqualTo(429);
        assertThat(withHeaders.headers().firstValue("Retry-After")).isPresent();

        WidgetVisitor neighbour = WidgetVisitor.arrive(port, inbox.websiteToken()); // another visitor still writes
        neighbour.post("/api/v1/widget/messages", Map.of("message", Map.of("content", "hello"))).expect(200);

        clock.advance(Duration.ofMinutes(1));
        visitor.post("/api/v1/widget/messages", Map.of("message", Map.of("content", "later"))).expect(200);
    }

    @Test
    void oneAddressCannotMakeEndlessVisitors() {
        Fixtures.Team team = fixtures.account();
        var inbox = WidgetFixtures.widgetInbox(team, Map.of());
        WidgetVisitor returning = WidgetVisitor.arrive(port, inbox.websiteToken());
        for (int i = 0; i < 4; i++) WidgetVisitor.arrive(port, inbox.websiteToken());
        new WidgetVisitor(port, inbox.websiteToken(), null).post("/api/v1/widget/config", null).expect(429);
        returning.reload(); // a returning visitor (valid token) makes nobody new, and is not refused
        clock.advance(Duration.ofMinutes(1));
        new WidgetVisitor(port, inbox.websiteToken(), null).post("/api/v1/widget/config", null).expect(200);
    }
}
