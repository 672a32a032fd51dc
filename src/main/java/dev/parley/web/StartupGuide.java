package dev.parley.web;

import dev.parley.account.Installation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prints, once the server is up, how to start: on a fresh installation, the browser's first run at {@code /}; and the
 * platform API recipe (the README's), which reads the token from {@code $PARLEY_PLATFORM_TOKEN} so it pastes as is.
 */
@Component
class StartupGuide {

    private static final Logger log = LoggerFactory.getLogger(StartupGuide.class);

    private final String platformToken;
    private final Installation installation;

    StartupGuide(@Value("${parley.platform-token:}") String platformToken, Installation installation) {
        this.platformToken = platformToken;
        this.installation = installation;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "3000");
        String browser = installation.fresh() ? "Open http://localhost:" + port + "/ to set up the first account in the browser. " : "";
        if (platformToken.isBlank()) {
            log.info("Parley is up on port {}. {}The platform API is closed: restart with PARLEY_PLATFORM_TOKEN=<a secret> to use it "
                    + "(see README, \"First account\").", port, browser);
            return;
        }
        log.info("Parley is up on port {}. {}Or create the first account with the platform API (in a shell where "
                + "PARLEY_PLATFORM_TOKEN is set as for the server):\n{}", port, browser, recipe(port));
    }

    /**
     * The account, its administrator (online), an API inbox with her as member: copy-pasteable into bash, reading the
     * platform token from the environment (inside double quotes, so the shell puts it in).
     */
    static String recipe(String port) {
        return """
                P="api_access_token: $PARLEY_PLATFORM_TOKEN"; J='Content-Type: application/json'; H=localhost:%s
                val() { grep -o "\\"$1\\":[^,}]*" | head -n 1 | cut -d: -f2- | tr -d '"'; }
                ACCOUNT=$(curl -s -X POST $H/platform/api/v1/accounts -H "$P" -H "$J" -d '{"name":"Acme"}' | val id)
                ADA_JSON=$(curl -s -X POST $H/platform/api/v1/users -H "$P" -H "$J" \\
                  -d '{"name":"Ada","email":"ada@acme.test","password":"secret123"}')
                ADA=$(echo "$ADA_JSON" | val id); TOKEN=$(echo "$ADA_JSON" | val access_token)
                curl -s -X POST $H/platform/api/v1/accounts/$ACCOUNT/account_users -H "$P" -H "$J" \\
                  -d "{\\"user_id\\":$ADA,\\"role\\":\\"administrator\\"}"
                curl -s -X POST $H/api/v1/profile/availability -H "api_access_token: $TOKEN" -H "$J" \\
                  -d "{\\"profile\\":{\\"availability\\":\\"online\\",\\"account_id\\":$ACCOUNT}}" >/dev/null
                INBOX=$(curl -s -X POST $H/api/v1/accounts/$ACCOUNT/inboxes -H "api_access_token: $TOKEN" -H "$J" \\
                  -d '{"name":"Website","channel":{"type":"api"}}' | val id)
                curl -s -X POST $H/api/v1/accounts/$ACCOUNT/inbox_members -H "api_access_token: $TOKEN" -H "$J" \\
                  -d "{\\"inbox_id\\":$INBOX,\\"user_ids\\":[$ADA]}"
                echo "account $ACCOUNT, inbox $INBOX; sign in at http://$H/app as ada@acme.test / secret123; API token: $TOKEN"
                """.formatted(port);
    }
}
