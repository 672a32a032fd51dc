package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** What operators rely on: health, metrics and the OpenAPI description are served without a token. */
class OperationsIntegrationTests extends IntegrationTest {

    @Test
    void healthIsUp() {
        assertThat(anonymous().get("/actuator/health").expect(200).json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreExposed() {
        assertThat(anonymous().get("/actuator/prometheus").expect(200).body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
    }

    @Test
    void openApiDescribesTheChatwootPaths() {
        var paths = anonymous().get("/v3/api-docs").expect(200).json().get("paths");
        assertThat(paths.has("/api/v1/accounts/{accountId}/conversations")).isTrue();
        assertThat(paths.has("/public/api/v1/inboxes/{inboxIdentifier}/contacts")).isTrue();
        anonymous().get("/swagger-ui/index.html").expect(200);
    }
}
