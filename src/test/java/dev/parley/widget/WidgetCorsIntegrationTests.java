package dev.parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Fixtures;
import dev.parley.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WidgetCorsIntegrationTests extends IntegrationTest {

    @Test
    void anyOriginMayCallTheWidgetOfAnInboxWithoutAllowedDomains() {
        Fixtures.Team team = fixtures.account();
        var inbox = WidgetFixtures.widgetInbox(team, Map.of());
        WidgetVisitor visitor = WidgetVisitor.arrive(port, inbox.websiteToken()).from("https://anywhere.example");
        HttpResponse<String> preflight = visitor.raw("OPTIONS", "/api/v1/widget/messages",
                Map.of("Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type, x-auth-token"));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("https://anywhere.example");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).contains("X-Auth-Token");
        HttpResponse<String> get = visitor.raw("GET", "/api/v1/widget/messages", Map.of("X-Auth-Token", visitor.authToken));
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).contains("https://anywhere.example");
    }

    @Test
    void onlyTheAllowedDomainsMayCallTheWidgetWhenTheInboxNamesThem() {
        Fixtures.Team team = fixtures.account();
        var inbox = WidgetFixtures.widgetInbox(team, Map.of("allowed_domains", "shop.example, *.brand.example"));
        WidgetVisitor visitor = WidgetVisitor.arrive(port, inbox.websiteToken());

        for (String origin : new String[] {"https://shop.example", "http://shop.example:8080", "https://help.brand.example"}) {
            HttpResponse<String> preflight = visitor.raw("OPTIONS", "/api/v1/widget/messages",
                    Map.of("Origin", origin, "Access-Control-Request-Method", "POST"));
            assertThat(preflight.statusCode()).as(origin).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(origin).contains(origin);
        }
        HttpResponse<String> foreign = visitor.raw("OPTIONS", "/api/v1/widget/messages",
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        visitor.from("https://shopexample.evil");
        visitor.post("/api/v1/widget/messages", Map.of("message", Map.of("content", "from a foreign page"))).expect(403);
        visitor.from("https://shop.example");
        visitor.post("/api/v1/widget/messages", Map.of("message", Map.of("content", "from the shop"))).expect(200);
        assertThat(visitor.get("/api/v1/widget/messages").expect(200).json().findValuesAsString("content")).containsExactly("from the shop");
    }
}
