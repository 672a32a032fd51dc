package dev.parley.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plausible values for an operation of the world, so that a request with one hostile value reaches
 * the code behind that value: path ids of the world's resources, query values that pass, and a body
 * built from the operation's schema (snake_case, as the API speaks) with ids the world owns.
 */
final class ExampleValues {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Which world resource an {@code {id}} names, by the path segment before it. */
    private static final Map<String, String> ID_OF_SEGMENT = Map.ofEntries(
            Map.entry("webhooks", "webhook"), Map.entry("teams", "team"), Map.entry("labels", "label"), Map.entry("inboxes", "inbox"),
            Map.entry("custom_filters", "folder"), Map.entry("contacts", "contact"), Map.entry("canned_responses", "canned"),
            Map.entry("automation_rules", "rule"), Map.entry("assignment_policies", "policy"), Map.entry("agents", "agent"),
            Map.entry("notifications", "notification"), Map.entry("custom_attribute_definitions", "attribute"),
            Map.entry("accounts", "account"), Map.entry("users", "agent"));

    private final SecurityWorld world;

    ExampleValues(SecurityWorld world) {
        this.world = world;
    }

    String path(ApiOperation op, String name) {
        return switch (name) {
            case "accountId" -> world.string("account");
            case "inboxIdentifier" -> world.string("inboxIdentifier");
            case "sourceId" -> world.string("sourceId");
            case "displayId" -> world.string("conversation");
            case "messageId" -> world.string("message");
            case "inboxId" -> world.string("inbox");
            case "contactId" -> world.string("contact");
            case "type" -> "agent";
            case "plural" -> "agents";
            default -> {
                // the platform API acts on an account of its own, so a hostile id that lands on a real user
                // (Jackson reads 1.5 as 1) cannot remove the fuzzing administrator from the world
                if (op.api().equals("platform") && world.ids().containsKey("platformAccount") && op.path().startsWith("/platform/api/v1/accounts/{"))
                    yield world.string("platformAccount");
                String before = op.path().substring(0, op.path().indexOf("{" + name + "}") - 1);
                yield world.string(ID_OF_SEGMENT.getOrDefault(before.substring(before.lastIndexOf('/') + 1), "account"));
            }
        };
    }

    String query(String name) {
        return switch (name) {
            case "status" -> "open";
            case "assignee_type" -> "all";
            case "inbox_id" -> world.string("inbox");
            case "team_id" -> world.string("team");
            case "labels", "labels[]" -> "billing";
            case "q", "search" -> "carla";
            case "sort_by" -> "created_at_desc";
            case "conversation_type" -> "mention";
            case "filter_type" -> "conversation";
            case "attribute_model" -> "conversation_attribute";
            case "before", "after" -> world.string("message");
            case "since" -> Long.toString(Instant.now().minusSeconds(86_400).getEpochSecond());
            case "until" -> Long.toString(Instant.now().getEpochSecond());
            case "metric" -> "conversations_count";
            case "type" -> "account";
            case "id" -> world.string("inbox");
            case "group_by" -> "day";
            case "timezone_offset" -> "0";
            case "business_hours" -> "false";
            case "limit" -> "10";
            default -> "1";
        };
    }

    /** A body for the operation, or null when it takes none. */
    JsonNode body(ApiOperation op) {
        if (!op.takesBody()) return null;
        JsonNode schema = op.resolve(op.body());
        if (schema.has("properties")) return object(op, schema, 0);
        return untypedBody(op.path());
    }

    private ObjectNode object(ApiOperation op, JsonNode schema, int depth) {
        ObjectNode node = JSON.createObjectNode();
        for (var property : schema.path("properties").properties()) {
            String name = snake(property.getKey());
            JsonNode propertySchema = op.resolve(property.getValue());
            if (propertySchema.has("properties")) {
                if (depth < 1) node.set(name, object(op, propertySchema, depth + 1));
            } else {
                node.set(name, value(name, propertySchema));
            }
        }
        return node;
    }

    private JsonNode value(String name, JsonNode schema) {
        String type = schema.path("type").asString("string");
        return switch (name) {
            case "inbox_id", "contact_id", "team_id", "assignee_id", "user_id", "account_id", "assignment_policy_id", "rule_id" ->
                    JSON.getNodeFactory().numberNode(idFor(name));
            case "user_ids" -> JSON.createArrayNode().add(world.id("agent"));
            case "conversation_ids", "ids" -> JSON.createArrayNode().add(world.id("conversation"));
            case "labels" -> JSON.createArrayNode().add("billing");
            case "subscriptions" -> JSON.createArrayNode().add("conversation_created");
            case "conditions" -> JSON.createArrayNode();
            case "actions" -> JSON.createArrayNode().add(JSON.createObjectNode().put("action_name", "add_label")
                    .set("action_params", JSON.createArrayNode().add("fuzz")));
            case "query" -> JSON.valueToTree(Map.of("payload", List.of(Map.of("attribute_key", "status", "filter_operator", "equal_to",
                    "values", List.of("open")))));
            case "email" -> JSON.getNodeFactory().stringNode("fuzz." + System.nanoTime() + "@fuzz.test");
            case "url", "webhook_url" -> JSON.getNodeFactory().stringNode("http://127.0.0.1:9/fuzz");
            case "status" -> JSON.getNodeFactory().stringNode("open");
            case "priority" -> JSON.getNodeFactory().stringNode("low");
            case "role" -> JSON.getNodeFactory().stringNode("agent");
            case "color" -> JSON.getNodeFactory().stringNode("#ff0000");
            case "event_name" -> JSON.getNodeFactory().stringNode("conversation_created");
            case "current_password", "password", "password_confirmation" -> JSON.getNodeFactory().stringNode("secret123");
            case "type" -> JSON.getNodeFactory().stringNode("conversation");
            case "availability", "availability_status" -> JSON.getNodeFactory().stringNode("online");
            case "last" -> JSON.getNodeFactory().numberNode(5);
            default -> switch (type) {
                case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
                case "boolean" -> JSON.getNodeFactory().booleanNode(false);
                case "array" -> JSON.createArrayNode();
                case "object" -> JSON.createObjectNode();
                default -> JSON.getNodeFactory().stringNode("fuzz " + name);
            };
        };
    }

    private long idFor(String name) {
        return switch (name) {
            case "inbox_id" -> world.id("inbox");
            case "contact_id" -> world.id("contact");
            case "team_id" -> world.id("team");
            case "assignee_id", "user_id" -> world.id("agent");
            case "account_id" -> world.id("account");
            case "assignment_policy_id" -> world.id("policy");
            default -> world.id("rule");
        };
    }

    /** Bodies the controllers read as a map (no schema in the document): the shapes Chatwoot sends. */
    private JsonNode untypedBody(String path) {
        if (path.endsWith("/bulk_actions")) return JSON.valueToTree(Map.of("type", "Conversation", "ids", List.of(world.id("conversation")),
                "fields", Map.of("status", "open")));
        if (path.endsWith("/assignments")) return JSON.valueToTree(Map.of("assignee_id", world.id("agent")));
        if (path.contains("toggle_typing")) return JSON.valueToTree(Map.of("typing_status", "on", "is_private", false));
        return JSON.createObjectNode();
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Paths (dot separated) of every field of a body: the top level and one level into objects. */
    static List<String> fields(JsonNode body) {
        var fields = new java.util.ArrayList<String>();
        if (body == null || !body.isObject()) return fields;
        for (var e : body.properties()) {
            fields.add(e.getKey());
            if (e.getValue().isObject()) for (var inner : e.getValue().properties()) fields.add(e.getKey() + "." + inner.getKey());
        }
        return fields;
    }

    /** The body as JSON text with the field's value replaced by raw (possibly invalid) JSON text. */
    static String withRaw(JsonNode body, String field, String rawJson) {
        ObjectNode copy = (ObjectNode) body.deepCopy();
        ObjectNode parent = copy;
        String[] parts = field.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) parent = (ObjectNode) parent.get(parts[i]);
        parent.put(parts[parts.length - 1], "__HOSTILE_VALUE__");
        return JSON.writeValueAsString(copy).replace("\"__HOSTILE_VALUE__\"", rawJson);
    }
}
