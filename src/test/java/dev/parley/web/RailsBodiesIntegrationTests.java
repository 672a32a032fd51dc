package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.FormEncoding;
import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bodies as Rails takes them: the same request as JSON, as a urlencoded form and as multipart/form-data (Rails'
 * bracket notation, values as strings) gives the same answer on the most used create and update endpoints; a
 * request without a body, with an empty body or without a Content-Type is {@code {}}; a trailing slash changes
 * nothing.
 */
class RailsBodiesIntegrationTests extends IntegrationTest {

    enum Encoding { JSON, URLENCODED, MULTIPART }

    /** One account with an inbox, a customer and a conversation, made afresh for each encoding. */
    record World(Team team, Inbox inbox, Customer customer, long conversation, long contactId) {
    }

    private World world() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.adminUser(), team.agentUser());
        Customer customer = fixtures.customer(inbox, "carla customer");
        return new World(team, inbox, customer, fixtures.conversation(customer, "hello"), customer.contactId());
    }

    private static Api.Response send(Api api, String method, String path, Map<String, ?> body, Encoding encoding) {
        return switch (encoding) {
            case JSON -> api.send(method, path, body);
            case URLENCODED -> api.sendBytes(method, path, "application/x-www-form-urlencoded", FormEncoding.urlencoded(body));
            case MULTIPART -> api.sendBytes(method, path, FormEncoding.multipartType(), FormEncoding.multipart(body));
        };
    }

    /** Runs one request in a fresh world per encoding and returns the projections of the three answers. */
    private Map<Encoding, JsonNode> each(Function<World, String[]> methodAndPath, Function<World, Map<String, ?>> body,
                                         Function<World, Api> caller, Function<JsonNode, JsonNode> projection) {
        var answers = new LinkedHashMap<Encoding, JsonNode>();
        for (Encoding encoding : Encoding.values()) {
            World w = world();
            String[] mp = methodAndPath.apply(w);
            Api.Response r = send(caller.apply(w), mp[0], mp[1], body.apply(w), encoding);
            assertThat(r.status()).as(encoding + " " + mp[0] + " " + mp[1] + ": " + r.body()).isEqualTo(200);
            answers.put(encoding, projection.apply(r.json()));
        }
        return answers;
    }

    private static void assertSame(Map<Encoding, JsonNode> answers) {
        assertThat(answers.get(Encoding.URLENCODED)).isEqualTo(answers.get(Encoding.JSON));
        assertThat(answers.get(Encoding.MULTIPART)).isEqualTo(answers.get(Encoding.JSON));
    }

    private static Function<JsonNode, JsonNode> pick(String... pointers) {
        return node -> {
            var out = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            for (String p : pointers) out.set(p, node.at(p));
            return out;
        };
    }

    @Test
    void contactCreateAndUpdate() {
        assertSame(each(w -> new String[] {"POST", w.team().path("/contacts")},
                w -> Map.of("name", "Nia Nested", "email", "nia@example.test", "phone_number", "+14155550100",
                        "additional_attributes", Map.of("company_name", "Acme"), "custom_attributes", Map.of("plan", "pro")),
                w -> w.team().admin(),
                pick("/payload/contact/name", "/payload/contact/email", "/payload/contact/phone_number",
                        "/payload/contact/additional_attributes", "/payload/contact/custom_attributes")));
        assertSame(each(w -> new String[] {"PUT", w.team().path("/contacts/" + w.contactId())},
                w -> Map.of("name", "Renamed", "custom_attributes", Map.of("tier", "gold")), w -> w.team().admin(),
                pick("/payload/name", "/payload/custom_attributes")));
    }

    @Test
    void messagesWithBooleansAndJsonEncodedContentAttributes() {
        var answers = each(w -> new String[] {"POST", w.team().path("/conversations/" + w.conversation() + "/messages")},
                w -> Map.of("content", "a private thought", "message_type", "outgoing", "private", "true"),
                w -> w.team().admin(), pick("/content", "/private", "/message_type"));
        assertSame(answers);
        assertThat(answers.get(Encoding.MULTIPART).get("/private").asBoolean()).as(answers.toString()).isTrue();
        // The SDK sends content_attributes as a JSON-encoded string in its multipart form.
        World w = world();
        var r = send(w.team().admin(), "POST", w.team().path("/conversations/" + w.conversation() + "/messages"),
                Map.of("content", "with attributes", "private", "1", "content_attributes", "{\"in_reply_to\": 1}"), Encoding.MULTIPART).expect(200);
        assertThat(r.json().get("private").asBoolean()).as(r.body()).isTrue();
        assertThat(r.json().toString()).contains("in_reply_to");
    }

    @Test
    void conversationCommands() {
        assertSame(each(w -> new String[] {"POST", w.team().path("/conversations/" + w.conversation() + "/toggle_status")},
                w -> Map.of("status", "resolved"), w -> w.team().admin(), pick("/payload/current_status", "/payload/success")));
        assertSame(each(w -> new String[] {"POST", w.team().path("/conversations/" + w.conversation() + "/labels")},
                w -> Map.of("labels", List.of("billing", "vip")), w -> w.team().admin(), pick("/payload")));
        assertSame(each(w -> new String[] {"POST", w.team().path("/conversations/" + w.conversation() + "/custom_attributes")},
                w -> Map.of("custom_attributes", Map.of("order", "A-1")), w -> w.team().admin(), pick("/custom_attributes")));
        assertSame(each(w -> new String[] {"POST", w.team().path("/conversations/" + w.conversation() + "/assignments")},
                w -> Map.of("assignee_id", w.team().agentUser().id()), w -> w.team().admin(), pick("/name", "/role")));
        assertSame(each(w -> new String[] {"POST", w.team().path("/conversations")},
                w -> Map.of("inbox_id", w.inbox().id(), "contact_id", w.contactId(), "status", "pending",
                        "message", Map.of("content", "We noticed your order")), w -> w.team().admin(), pick("/status", "/messages/0/content")));
    }

    @Test
    void accountSetup() {
        assertSame(each(w -> new String[] {"POST", w.team().path("/labels")},
                w -> Map.of("title", "refund", "color", "#ff0000", "show_on_sidebar", "false"), w -> w.team().admin(),
                pick("/title", "/color", "/show_on_sidebar")));
        assertSame(each(w -> new String[] {"POST", w.team().path("/teams")},
                w -> Map.of("name", "Billing", "description", "money", "allow_auto_assign", "0"), w -> w.team().admin(),
                pick("/name", "/description", "/allow_auto_assign")));
        assertSame(each(w -> new String[] {"POST", w.team().path("/inboxes")},
                w -> Map.of("name", "Support", "channel", Map.of("type", "api"), "enable_auto_assignment", "false"), w -> w.team().admin(),
                pick("/name", "/channel_type", "/enable_auto_assignment")));
        assertSame(each(w -> new String[] {"POST", w.team().path("/canned_responses")},
                w -> Map.of("short_code", "hi", "content", "Hello {{contact.name}}"), w -> w.team().admin(), pick("/short_code", "/content")));
    }

    @Test
    void publicClientApi() {
        assertSame(each(w -> new String[] {"POST", "/public/api/v1/inboxes/" + w.inbox().identifier() + "/contacts"},
                w -> Map.of("name", "Pat Public", "email", "pat@example.test"), w -> anonymous(), pick("/name", "/email")));
        assertSame(each(w -> new String[] {"POST", w.customer().conversationsPath() + "/" + w.conversation() + "/messages"},
                w -> Map.of("content", "sent as a form"), w -> anonymous(), pick("/content", "/message_type")));
    }

    @Test
    void noBodyEmptyBodyAndNoContentTypeAreAnEmptyObject() {
        World w = world();
        String conversations = w.customer().conversationsPath();
        for (String contentType : new String[] {null, "application/json", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "text/plain"}) {
            var r = anonymous().sendBytes("POST", conversations, contentType, null);
            assertThat(r.status()).as(contentType + ": " + r.body()).isEqualTo(200);
            var empty = anonymous().sendBytes("POST", conversations, contentType, new byte[0]);
            assertThat(empty.status()).as(contentType + " empty: " + empty.body()).isEqualTo(200);
        }
        // a JSON object sent without a Content-Type (or as text/plain, as fetch does by default) is read as JSON
        var r = anonymous().sendBytes("POST", conversations + "/" + w.conversation() + "/messages", "text/plain;charset=UTF-8",
                "{\"content\": \"plain json\"}".getBytes(StandardCharsets.UTF_8)).expect(200);
        assertThat(r.json().get("content").asString()).isEqualTo("plain json");
    }

    @Test
    void aTrailingSlashChangesNothing() {
        World w = world();
        var plain = w.team().admin().get(w.team().path("/inboxes")).expect(200).json();
        var slash = w.team().admin().get(w.team().path("/inboxes/")).expect(200).json();
        assertThat(slash).isEqualTo(plain);
        w.team().admin().post(w.team().path("/labels/"), Map.of("title", "slashed")).expect(200);
    }

    @Test
    void malformedFormsAreRefusedWithoutChange() {
        World w = world();
        String messages = w.team().path("/conversations/" + w.conversation() + "/messages");
        int before = w.team().admin().get(messages).json().get("payload").size();
        assertThat(w.team().admin().sendBytes("POST", messages, "multipart/form-data", "--x\r\nnot a part".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(400);
        assertThat(w.team().admin().sendBytes("POST", messages, "multipart/form-data; boundary=zz", "garbage".getBytes(StandardCharsets.UTF_8))
                .status()).isBetween(400, 499);
        assertThat(w.team().admin().sendBytes("POST", messages, "application/x-www-form-urlencoded",
                "content=a&content[x]=b".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(w.team().admin().get(messages).json().get("payload").size()).isEqualTo(before);
    }
}
