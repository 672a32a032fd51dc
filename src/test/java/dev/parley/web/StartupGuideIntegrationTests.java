package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.support.Api;
import dev.parley.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The recipe the server prints at start (and the README shows) works pasted into bash as is. */
class StartupGuideIntegrationTests extends IntegrationTest {

    @Test
    void theReadmeShowsTheRecipeTheLogPrints() throws Exception {
        assertThat(Files.readString(Path.of("README.md"))).contains(StartupGuide.recipe("3000"));
    }

    @Test
    void theRecipePastedIntoBashMakesAnOnlineAdministratorWhoAnswersTheNewInbox() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")) && Files.isExecutable(Path.of("/bin/bash")), "curl and bash");
        String email = "ada." + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        String recipe = StartupGuide.recipe(String.valueOf(port)).replace("ada@acme.test", email);
        var process = new ProcessBuilder("/bin/bash", "-c", recipe).redirectErrorStream(true);
        process.environment().put("PARLEY_PLATFORM_TOKEN", PLATFORM_TOKEN);
        Process bash = process.start();
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        var done = Pattern.compile("account (\\d+), inbox (\\d+); .* API token: (\\S+)").matcher(output);
        assertThat(done.find()).as(output).isTrue();
        Api ada = new Api(port, done.group(3));
        String account = "/api/v1/accounts/" + done.group(1);
        var members = ada.get(account + "/inbox_members/" + done.group(2)).expect(200).json().get("payload");
        assertThat(members.toString()).as("the administrator answers the inbox").contains(email);
        var agents = ada.get(account + "/agents").expect(200).json();
        assertThat(agents.get(0).get("role").asString()).isEqualTo("administrator");
        assertThat(agents.get(0).get("availability_status").asString()).isEqualTo("online");
    }
}
