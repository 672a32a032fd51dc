package dev.parley.widget;

import dev.parley.support.Fixtures;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Website widget inboxes made through Chatwoot's inbox API, as an administrator would. */
final class WidgetFixtures {

    private WidgetFixtures() {
    }

    record WidgetInbox(long id, String websiteToken, String hmacToken) {
    }

    static WidgetInbox widgetInbox(Fixtures.Team team, Map<String, Object> channelSettings, Fixtures.User... members) {
        var channel = new java.util.LinkedHashMap<String, Object>(Map.of("type", "web_widget", "website_url", "https://shop.example"));
        channel.putAll(channelSettings);
        JsonNode inbox = team.admin().post(team.path("/inboxes"), Map.of("name", "Shop", "channel", channel)).expect(200).json();
        long id = inbox.get("id").asLong();
        if (members.length > 0) {
            team.admin().post(team.path("/inbox_members"), Map.of("inbox_id", id,
                    "user_ids", List.of(java.util.Arrays.stream(members).map(Fixtures.User::id).toArray()))).expect(200);
        }
        return new WidgetInbox(id, inbox.get("website_token").asString(), inbox.get("hmac_token").asString());
    }
}
