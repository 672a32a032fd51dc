package dev.parley.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints, once the server is up, how to create the first account with the platform API. */
@Component
class StartupGuide {

    private static final Logger log = LoggerFactory.getLogger(StartupGuide.class);

    private final String platformToken;

    StartupGuide(@Value("${parley.platform-token:}") String platformToken) {
        this.platformToken = platformToken;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "3000");
        if (platformToken.isBlank()) {
            log.info("""
                    Parley is up on port {}. The platform API is closed: restart with PARLEY_PLATFORM_TOKEN=<a secret> to create \
                    the first account (see README, "First account").""", port);
            return;
        }
        log.info("""
                Parley is up on port {}. Create the first account:
                  curl -s -X POST localhost:{}/platform/api/v1/accounts -H 'api_access_token: $PARLEY_PLATFORM_TOKEN' \
                -H 'Content-Type: application/json' -d '{"name":"Acme"}'
                  curl -s -X POST localhost:{}/platform/api/v1/users -H 'api_access_token: $PARLEY_PLATFORM_TOKEN' \
                -H 'Content-Type: application/json' -d '{"name":"Ada","email":"ada@acme.test","password":"secret123"}'
                  curl -s -X POST localhost:{}/platform/api/v1/accounts/<account id>/account_users \
                -H 'api_access_token: $PARLEY_PLATFORM_TOKEN' -H 'Content-Type: application/json' \
                -d '{"user_id":<user id>,"role":"administrator"}'
                The user's access_token (in the second answer) is the api_access_token for /api/v1.""", port, port, port, port);
    }
}
