package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/** The whole server started twice on one data directory: what the first run stored, the second run serves. */
class DataSurvivesRestartTests {

    @Test
    void anAccountCreatedBeforeARestartIsThereAfterIt() throws Exception {
        Path dataDir = Files.createTempDirectory("parley-restart-");
        try {
            long accountId;
            try (ConfigurableApplicationContext first = start(dataDir)) {
                accountId = platform(first).post("/platform/api/v1/accounts", Map.of("name", "Persistent Inc")).expect(200).json().get("id").asLong();
            }
            try (ConfigurableApplicationContext second = start(dataDir)) {
                assertThat(platform(second).get("/platform/api/v1/accounts/" + accountId).expect(200).json().get("name").asString())
                        .isEqualTo("Persistent Inc");
            }
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplication(Parley.class).run("--server.port=0", "--parley.data-dir=" + dataDir,
                "--parley.platform-token=restart-token", "--spring.jmx.enabled=false");
    }

    private static Api platform(ConfigurableApplicationContext context) {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        return new Api(port, "restart-token");
    }
}
