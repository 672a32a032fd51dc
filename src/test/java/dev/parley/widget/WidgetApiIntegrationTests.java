package dev.parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.contact.PublicIdentity;
import dev.parley.support.Fixtures;
import dev.parley.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WidgetApiIntegrationTests extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aWebWidgetInboxHasChatwootsFieldsAndItsSnippet() {
        Fixtures.Team team = fixtures.account();
        JsonNode inbox = team.admin().post(team.path("/inboxes"), Map.of("name", "Shop", "channel", Map.of("type", "web_widget",
                "website_url", "https://shop.example", "widget_color", "#ff0000", "welcome_title", "Hi there", "welcome_tagline", "Ask us",
                "reply_time", "in_a_few_hours", "pre_chat_form_enabled", true, "selected_feature_flags", List.of("attachments"),
                "allowed_domains", "shop.example"))).expect(200).json();
        assertThat(inbox.get("channel_type").asString()).isEqualTo("Channel::WebWidget");
        assertThat(inbox.get("widget_color").asString()).isEqualTo("#ff0000");
        assertThat(inbox.get("welcome_title").asString()).isEqualTo("Hi there");
        assertThat(inbox.get("reply_time").asString()).isEqualTo("in_a_few_hours");
        assertThat(inbox.get("pre_chat_form_enabled").asBoolean()).isTrue();
        assertThat(inbox.get("allowed_domains").asString()).isEqualTo("shop.example");
        assertThat(inbox.get("selected_feature_flags").get(0).asString()).isEqualTo("attachments");
        String token = inbox.get("website_token").asString();
        assertThat(token).isNotBlank();
        assertThat(inbox.get("web_widget_script").asString()).contains("websiteToken: '" + token + "'").contains("/packs/js/sdk.js");

        JsonNode updated = team.admin().patch(team.path("/inboxes/" + inbox.get("id").asLong()),
                Map.of("channel", Map.of("widget_color", "#00ff00", "welcome_tagline", "We reply fast"))).expect(200).json();
        assertThat(updated.get("widget_color").asString()).isEqualTo("#00ff00");
        assertThat(updated.get("welcome_title").asString()).isEqualTo("Hi there");
        assertThat(updated.get("website_token").asString()).isEqualTo(token);

        team.admin().patch(team.path("/inboxes/" + inbox.get("id").asLong()), Map.of("channel", Map.of("reply_time", "soon")))
                .expect(422);
        assertThat(team.agent().get(team.path("/inboxes")).expect(200).json().get("payload")).isEmpty();
    }

    @Test
    void theVisitorTokenBringsBackTheSameContactAndHistory() {
        Fixtures.Team team = fixtures.account();
        var inbox = WidgetFixtures.widgetInbox(team, Map.of(), team.agentUser());
        WidgetVisitor visitor = WidgetVisitor.arrive(port, inbox.websiteToken());
        JsonNode created = visitor.post("/api/v1/widget/conversations", Map.of("contact", Map.of("name", "Vera", "email", "vera@visitor.test"),
                "message", Map.of("content", "Hello <b>there</b>", "echo_id", "e1"))).expect(200).json();
        long displayId = created.get("id").asLong();
        assertThat(created.get("messages").get(0).get("content").asString()).isEqualTo("Hello <b>there</b>");
        team.agent().post(team.path("/conversations/" + displayId + "/messages"), Map.of("content", "Hi Vera")).expect(200);
        team.agent().post(team.path("/conversations/" + displayId + "/messages"), Map.of("content", "secret", "private", true)).expect(200);

        WidgetVisitor back = new WidgetVisitor(port, inbox.websiteToken(), visitor.authToken);
        JsonNode config = back.reload();
        assertThat(config.at("/contact/name").asString()).isEqualTo("Vera");
        assertThat(config.at("/contact/email").asString()).isEqualTo("vera@visitor.test");
        assertThat(back.get("/api/v1/widget/conversations").expect(200).json().get("id").asLong()).isEqualTo(displayId);
        JsonNode messages = back.get("/api/v1/widget/messages").expect(200).json();
        assertThat(messages.findValuesAsString("content")).containsExactly("Hello <b>there</b>", "Hi Vera");
        assertThat(messages.get(1).at("/sender/type").asString()).isEqualTo("user");
        assertThat(messages.get(1).get("message_type").asInt()).isEqualTo(1);

        WidgetVisitor stranger = WidgetVisitor.arrive(port, inbox.websiteToken());
        assertThat(stranger.get("/api/v1/widget/conversations").expect(200).json().isEmpty()).isTrue();
        assertThat(stranger.get("/api/v1/widget/messages").expect(200).json()).isEmpty();
    }

    @Test
    void aVisitorNeverReachesAnotherVisitorsConversation() {
        Fixtures.Team team = fixtures.account();
        var inbox = WidgetFixtures.widgetInbox(team, Map.of());
        var other = WidgetFixtures.widgetInbox(team, Map.of());
        WidgetVisitor alice = WidgetVisitor.arrive(port, inbox.websiteToken());
        alice.post("/api/v1/widget/messages", Map.of("message", Map.of("content", "alice's secret"))).expect(200);
        long aliceMessage = alice.get("/api/v1/widget/messages").expect(200).json().get(0).get("id").asLong();
        WidgetVisitor bob = WidgetVisitor.arrive(port, inbox.websiteToken());
        bob.post("/api/v1/widget/messages", Map.of("message", Map.of("content", "bob here"))).expect(200);

        assertThat(bob.get("/api/v1/widget/messages").expect(200).json().findValuesAsString("content")).containsExactly("bob here");
        bob.patch("/api/v1/widget/messages/" + aliceMessage, Map.of("message", Map.of("submitted_values", List.of()))).expect(404);
        // alice's token for another inbox, a forged token, no token: nobody
        new WidgetVisitor(port, other.websiteToken(), alice.authToken).get("/api/v1/widget/messages").expect(404);
        String[] parts = alice.authToken.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"source_id\":\"x\",\"inbox_id\":" + inbox.id() + "}").getBytes()) + "." + parts[2];
        new WidgetVisitor(port, inbox.websiteToken(), forged).get("/api/v1/widget/messages").expect(404);
        new WidgetVisitor(port, inbox.websiteToken(), null).get("/api/v1/widget/messages").expect(404);
        new WidgetVisitor(port, "no-such-token", alice.authToken).get("/api/v1/widget/messages").expect(404);
        assertThat(alice.get("/api/v1/widget/messages").expect(200).json().findValuesAsString("content")).containsExactly("alice's secret");
    }

    @Test
    void setUserNeedsAValidIdentifierHashWhenTheInboxMandatesIt() {
        Fixtures.Team team = fixtures.account();
        var inbox = WidgetFixtures.widgetInbox(team, Map.of("hmac_mandatory", true));
        WidgetVisitor visitor = WidgetVisitor.arrive(port, inbox.websiteToken());
        visitor.patch("/api/v1/widget/contact/set_user", Map.of("identifier", "user-42", "email", "u42@visitor.test")).expect(401);
        JsonNode refused = visitor.patch("/api/v1/widget/contact/set_user", Map.of("identifier", "user-42", "identifier_hash", "bad"))
                .expect(401).json();
        assertThat(refused.get("error").asString()).isEqualTo("HMAC failed: Invalid Identifier Hash Provided");
        assertThat(visitor.get("/api/v1/widget/contact").expect(200).json().get("identifier").isNull()).isTrue();

        String hash = PublicIdentity.hmac(inbox.hmacToken(), "user-42");
        JsonNode known = visitor.patch("/api/v1/widget/contact/set_user", Map.of("identifier", "user-42", "identifier_hash", hash,
                "email", "u42@visitor.test", "name", "User 42")).expect(200).json();
        assertThat(known.get("identifier").asString()).isEqualTo("user-42");
        assertThat(known.get("name").asString()).isEqualTo("User 42");
    }

    @Test
    void setUserWithAKnownIdentifierMakesTheVisitorThatContactWithANewTokenAndBringsTheirConversation() {
        Fixtures.Team team = fixtures.account();
        var inbox = WidgetFixtures.widgetInbox(team, Map.of());
        WidgetVisitor laptop = WidgetVisitor.arrive(port, inbox.websiteToken());
        String hash = PublicIdentity.hmac(inbox.hmacToken(), "cust-7");
        long carla = laptop.patch("/api/v1/widget/contact/set_user", Map.of("identifier", "cust-7", "identifier_hash", hash, "name", "Carla"))
                .expect(200).json().get("id").asLong();
        laptop.post("/api/v1/widget/messages", Map.of("message", Map.of("content", "from my laptop"))).expect(200);

        WidgetVisitor phone = WidgetVisitor.arrive(port, inbox.websiteToken());
        JsonNode written = phone.post("/api/v1/widget/messages", Map.of("message", Map.of("content", "from my phone"))).expect(200).json();
        long phoneConversation = written.get("conversation_id").asLong();
        phone.patch("/api/v1/widget/contact/set_user", Map.of("identifier", "cust-7")).expect(401); // verified: the hash is needed
        JsonNode answer = phone.patch("/api/v1/widget/contact/set_user", Map.of("identifier", "cust-7", "identifier_hash", hash))
                .expect(200).json();
        assertThat(answer.get("id").asLong()).isEqualTo(carla);
        assertThat(answer.get("name").asString()).isEqualTo("Carla");
        phone.authToken = answer.get("widget_auth_token").asString();
        assertThat(phone.get("/api/v1/widget/messages").expect(200).json().findValuesAsString("content")).containsExactly("from my phone");
        JsonNode moved = team.admin().get(team.path("/conversations/" + phoneConversation)).expect(200).json();
        assertThat(moved.at("/meta/sender/id").asLong()).isEqualTo(carla);
        assertThat(team.admin().get(team.path("/contacts/" + carla + "/conversations")).expect(200).json().get("payload")).hasSize(2);
    }

    @Test
    void namingAnotherContactsIdentifierWithoutProofIsRefused() {
        Fixtures.Team team = fixtures.account();
        var inbox = WidgetFixtures.widgetInbox(team, Map.of());
        WidgetVisitor owner = WidgetVisitor.arrive(port, inbox.websiteToken());
        owner.patch("/api/v1/widget/contact/set_user", Map.of("identifier", "plain-9", "name", "Pat")).expect(200);
        owner.post("/api/v1/widget/messages", Map.of("message", Map.of("content", "my private question"))).expect(200);
        WidgetVisitor other = WidgetVisitor.arrive(port, inbox.websiteToken());
        JsonNode refused = other.patch("/api/v1/widget/contact/set_user", Map.of("identifier", "plain-9")).expect(422).json();
        assertThat(refused.get("message").asString()).contains("Identifier");
        assertThat(other.get("/api/v1/widget/messages").expect(200).json()).isEmpty();
    }

    @Test
    void theRestOfTheWidgetApiAnswersInChatwootsShapes() {
        Fixtures.Team team = fixtures.account();
        var inbox = WidgetFixtures.widgetInbox(team, Map.of(), team.agentUser());
        team.admin().post(team.path("/labels"), Map.of("title", "vip")).expect(200);
        WidgetVisitor visitor = WidgetVisitor.arrive(port, inbox.websiteToken());
        assertThat(visitor.get("/api/v1/widget/inbox_members").expect(200).json().at("/payload/0/name").asString()).isEqualTo("Alan Agent");
        visitor.post("/api/v1/widget/messages", Map.of("message", Map.of("content", "hi"))).expect(200);
        long displayId = visitor.get("/api/v1/widget/conversations").expect(200).json().get("id").asLong();

        visitor.post("/api/v1/widget/labels", Map.of("label", "vip")).expect(204);
        visitor.post("/api/v1/widget/labels", Map.of("label", "undefined-label")).expect(204);
        assertThat(team.admin().get(team.path("/conversations/" + displayId)).expect(200).json().get("labels").findValuesAsString(""))
                .isNotNull();
        assertThat(labels(team, displayId)).containsExactly("vip");
        visitor.delete("/api/v1/widget/labels/vip").expect(204);
        assertThat(labels(team, displayId)).isEmpty();

        visitor.post("/api/v1/widget/conversations/set_custom_attributes", Map.of("custom_attributes", Map.of("plan", "pro", "seats", 3)))
                .expect(200);
        visitor.post("/api/v1/widget/conversations/destroy_custom_attributes", Map.of("custom_attribute", List.of("seats"))).expect(200);
        assertThat(team.admin().get(team.path("/conversations/" + displayId)).expect(200).json().get("custom_attributes").propertyNames())
                .containsExactly("plan");

        visitor.patch("/api/v1/widget/contact", Map.of("custom_attributes", Map.of("tier", "gold", "ref", "ad"))).expect(200);
        visitor.post("/api/v1/widget/contact/destroy_custom_attributes", Map.of("custom_attributes", List.of("ref"))).expect(200);
        assertThat(visitor.get("/api/v1/widget/contact").expect(200).json().get("custom_attributes").propertyNames()).containsExactly("tier");

        visitor.post("/api/v1/widget/conversations/toggle_typing", Map.of("typing_status", "on")).expect(200);
        visitor.post("/api/v1/widget/conversations/toggle_typing", Map.of("typing_status", "maybe")).expect(422);
        visitor.post("/api/v1/widget/conversations/update_last_seen", null).expect(200);
        visitor.get("/api/v1/widget/conversations/toggle_status").expect(200);
        assertThat(visitor.get("/api/v1/widget/conversations").expect(200).json().get("status").asString()).isEqualTo("resolved");
        visitor.post("/api/v1/widget/events", Map.of("name", "webwidget.triggered", "event_info", Map.of("pageTitle", "Home"))).expect(204);
    }

    @Test
    void aVisitorSendsFilesAsMultipartAndTheAgentSeesThem() {
        Fixtures.Team team = fixtures.account();
        var inbox = WidgetFixtures.widgetInbox(team, Map.of(), team.agentUser());
        WidgetVisitor visitor = WidgetVisitor.arrive(port, inbox.websiteToken());
        String boundary = "widget-boundary-1";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"message[content]\"\r\n\r\nmy notes\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"message[echo_id]\"\r\n\r\necho-9\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"message[attachments][]\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nline one\nline two\r\n--" + boundary + "--\r\n";
        JsonNode message = visitor.sendBytes("POST", "/api/v1/widget/messages", "multipart/form-data; boundary=" + boundary,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).expect(200).json();
        assertThat(message.get("content").asString()).isEqualTo("my notes");
        assertThat(message.get("echo_id").asString()).isEqualTo("echo-9");
        assertThat(message.at("/attachments/0/file_type").asString()).isEqualTo("file");
        assertThat(message.at("/attachments/0/file_name").asString()).isEqualTo("notes.txt");
        long displayId = message.get("conversation_id").asLong();
        JsonNode agentView = team.agent().get(team.path("/conversations/" + displayId + "/messages")).expect(200).json().get("payload");
        assertThat(agentView.findValuesAsString("file_name")).contains("notes.txt");
    }

    @Test
    void openingTheWidgetFiresTheWebwidgetTriggeredWebhook() {
        Fixtures.Team team = fixtures.account();
        var inbox = WidgetFixtures.widgetInbox(team, Map.of());
        long hook = team.admin().post(team.path("/webhooks"), Map.of("url", "http://127.0.0.1:9/hooks", "subscriptions",
                List.of("webwidget_triggered"))).expect(200).json().at("/payload/webhook/id").asLong();
        WidgetVisitor visitor = WidgetVisitor.arrive(port, inbox.websiteToken());
        visitor.post("/api/v1/widget/events", Map.of("name", "webwidget.triggered", "event_info", Map.of("referer", "https://shop.example/cart")))
                .expect(204);
        JsonNode delivery = team.admin().get(team.path("/webhooks/" + hook + "/deliveries")).expect(200).json().at("/payload/0");
        assertThat(delivery.get("event").asString()).isEqualTo("webwidget_triggered");
        JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                jdbc.sql("SELECT payload FROM webhook_deliveries WHERE webhook_id = ?").param(hook).query(String.class).single());
        assertThat(body.propertyNames()).as("Chatwoot's ContactInbox#webhook_data with the event info").containsExactlyInAnyOrder(
                "id", "contact", "inbox", "account", "current_conversation", "source_id", "event_info", "event");
        assertThat(body.at("/account/id").asLong()).isEqualTo(team.accountId());
        assertThat(body.at("/account/name").asString()).as("Account#webhook_data names it").isNotBlank();
        assertThat(body.at("/inbox/id").asLong()).isEqualTo(inbox.id());
        assertThat(body.at("/contact/type").asString()).isEqualTo("contact");
        assertThat(body.at("/contact/account/id").asLong()).as("Contact#webhook_data, with its account").isEqualTo(team.accountId());
        assertThat(body.get("contact").has("avatar")).isTrue();
        assertThat(body.at("/event_info/referer").asString()).isEqualTo("https://shop.example/cart");
        visitor.post("/api/v1/widget/events", Map.of("name", "something.else")).expect(204);
        assertThat(team.admin().get(team.path("/webhooks/" + hook + "/deliveries")).expect(200).json().get("payload")).hasSize(1);
    }

    @Test
    void whatAVisitorWritesIsTextOnTheAgentsPage() {
        Fixtures.Team team = fixtures.account();
        var inbox = WidgetFixtures.widgetInbox(team, Map.of(), team.agentUser());
        WidgetVisitor visitor = WidgetVisitor.arrive(port, inbox.websiteToken());
        long id = visitor.post("/api/v1/widget/conversations", Map.of("contact", Map.of("name", "<script>alert('name')</script>"),
                "message", Map.of("content", "<img src=x onerror=alert(1)>"))).expect(200).json().get("id").asLong();
        var dashboard = new dev.parley.support.SignInForm(port);
        assertThat(dev.parley.support.SignInForm.signedIn(dashboard.signIn(team.agentUser().email(), "secret123"))).isTrue();
        String page = dashboard.read("/app/accounts/" + team.accountId() + "/conversations/" + id).body();
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x onerror");
        assertThat(page).doesNotContain("<script>alert('name')</script>");
        assertThat(visitor.get("/api/v1/widget/messages").expect(200).json().get(0).get("content").asString())
                .isEqualTo("<img src=x onerror=alert(1)>"); // the widget gets it as it was written, to show as text
    }

    private static List<String> labels(Fixtures.Team team, long displayId) {
        JsonNode labels = team.admin().get(team.path("/conversations/" + displayId + "/labels")).expect(200).json().get("payload");
        return labels.valueStream().map(JsonNode::asString).toList();
    }
}
