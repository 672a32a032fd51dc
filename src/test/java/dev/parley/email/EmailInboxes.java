package dev.parley.email;

import dev.parley.support.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Email inboxes for tests: created through Chatwoot's inbox API, and mail posted to their raw endpoint. */
final class EmailInboxes {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EmailInboxes() {
    }

    /** An email inbox of the account (IMAP/SMTP settings as given) with the account's agent as member; answers its JSON. */
    static JsonNode create(Fixtures.Team team, String email, Map<String, Object> settings) {
        var channel = new LinkedHashMap<String, Object>(settings);
        channel.put("type", "email");
        channel.put("email", email);
        JsonNode inbox = team.admin().post(team.path("/inboxes"), Map.of("name", "Support mail", "channel", channel)).expect(200).json();
        team.admin().post(team.path("/inbox_members"), Map.of("inbox_id", inbox.get("id").asLong(), "user_ids", List.of(team.agentUser().id())))
                .expect(200);
        return inbox;
    }

    /** Puts the account's agent online (availability and a presence heartbeat), so auto-assignment picks them. */
    static void online(Fixtures.Team team) {
        team.agent().post("/api/v1/profile/availability", Map.of("profile", Map.of("availability", "online", "account_id", team.accountId())))
                .expect(200);
        team.agent().post("/api/v1/profile/presence", Map.of("account_id", team.accountId())).expect(200);
    }

    /** POSTs a raw mail to the inbox's inbound URL with its secret; answers [status, body]. */
    static String[] postRaw(int port, JsonNode inbox, String secret, byte[] raw) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + inbox.get("inbound_url").asString()))
                .header("Content-Type", "message/rfc822").header("Authorization", "Bearer " + secret)
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new String[] {String.valueOf(response.statusCode()), response.body()};
    }
}
