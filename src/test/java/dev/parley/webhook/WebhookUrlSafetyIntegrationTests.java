package dev.parley.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.shared.UrlSafety;
import dev.parley.support.Fixtures;
import dev.parley.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With the default (private addresses not allowed), webhooks cannot point into the server's network. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"parley.data-dir=",
        "parley.platform-token=" + IntegrationTest.PLATFORM_TOKEN, "parley.webhooks.allow-private=false"})
class WebhookUrlSafetyIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void privateAndLoopbackUrlsAreRefused() {
        var team = new Fixtures(port).account();
        for (String url : List.of("http://127.0.0.1:8080/x", "http://localhost/x", "http://10.1.2.3/x", "http://192.168.0.10/x",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/x")) {
            var response = team.admin().post(team.path("/webhooks"), Map.of("url", url, "subscriptions", List.of("message_created")));
            assertThat(response.status()).as(url).isEqualTo(422);
            assertThat(response.json().get("attributes").get(0).asString()).isEqualTo("url");
        }
        assertThat(team.admin().get(team.path("/webhooks")).json().get("payload").get("webhooks").size()).isZero();
    }

    @Test
    void anInboxWebhookUrlIntoThePrivateNetworkIsRefusedWhenSaved() {
        var team = new Fixtures(port).account();
        String inboxes = team.path("/inboxes");
        var refused = team.admin().post(inboxes, Map.of("name", "Site", "channel", Map.of("type", "api", "webhook_url", "http://127.0.0.1:9/x")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("attributes").get(0).asString()).isEqualTo("webhook_url");
        assertThat(team.admin().get(inboxes).json().get("payload").size()).isZero();

        long id = team.admin().post(inboxes, Map.of("name", "Site", "channel", Map.of("type", "api"))).expect(200).json().get("id").asLong();
        var update = team.admin().patch(inboxes + "/" + id, Map.of("channel", Map.of("webhook_url", "http://169.254.169.254/latest")));
        assertThat(update.status()).isEqualTo(422);
        assertThat(update.json().get("attributes").get(0).asString()).isEqualTo("webhook_url");
        assertThat(team.admin().get(inboxes + "/" + id).json().get("webhook_url").isNull() || team.admin().get(inboxes + "/" + id).json()
                .get("webhook_url").asString("").isEmpty()).isTrue();
    }

    @Test
    void addressesAreClassified() {
        assertThat(UrlSafety.isLocal(addr("100.64.0.1"))).isTrue();
        assertThat(UrlSafety.isLocal(addr("172.16.5.4"))).isTrue();
        assertThat(UrlSafety.isLocal(addr("fd00::1"))).isTrue();
        assertThat(UrlSafety.isLocal(addr("93.184.216.34"))).isFalse();
    }

    private static java.net.InetAddress addr(String literal) {
        try {
            return java.net.InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
