package dev.parley.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Refusals found by the API fuzz suite: a refused profile change keeps the password; a taken email is a 422 even when raced. */
class ProfileAndUserRefusalIntegrationTests extends IntegrationTest {

    @Test
    void aProfileChangeRefusedForItsNameKeepsTheOldPassword() {
        var team = fixtures.account();
        var refused = team.admin().put("/api/v1/profile", Map.of("profile", Map.of("name", " ", "current_password", "secret123",
                "password", "changed456", "password_confirmation", "changed456")));
        assertThat(refused.status()).isEqualTo(422);

        team.admin().put("/api/v1/profile", Map.of("profile", Map.of("current_password", "secret123", "password", "again789",
                "password_confirmation", "again789"))).expect(200);
    }

    @Test
    void usersCreatedAtOnceWithOneEmailGetOneAccountAndRefusalsNotErrors() {
        String email = "race." + System.nanoTime() + "@parley.test";
        List<Integer> statuses = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                        platform().post("/platform/api/v1/users", Map.of("name", "Racer " + i, "email", email, "password", "secret123")).status()))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsOnly(200, 422);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    }
}
