package dev.parley.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON answer against a schema of Chatwoot's published document, as kept in
 * {@code chatwoot-contract/application.json}: every documented key is present, with its documented type
 * ({@code null} is accepted, as Chatwoot renders {@code nil} as {@code null}). Keys the document does not
 * name are allowed. A schema is a map of key to type, where a type is a name ({@code "string"},
 * {@code "integer"}...), a reference ({@code {"$ref": name}}), an array ({@code {"type": "array", "items": ...}}),
 * an object ({@code {"type": "object", "properties": ...}}) or an {@code allOf} list.
 */
final class DocumentedShape {

    private final JsonNode schemas;
    private final Set<String> skipped;
    private final Set<String> whenPresent;

    /**
     * {@code skipped} holds "schema.key" entries the document gets wrong or Parley differs on on purpose;
     * {@code whenPresent} those Chatwoot's views render only in some states (checked for their type when there).
     */
    DocumentedShape(JsonNode schemas, Set<String> skipped, Set<String> whenPresent) {
        this.schemas = schemas;
        this.skipped = skipped;
        this.whenPresent = whenPresent;
    }

    List<String> violations(JsonNode value, String schemaName) {
        List<String> found = new ArrayList<>();
        checkNamed(value, schemaName, "", found);
        return found;
    }

    List<String> violationsOfEach(JsonNode value, String schemaName) {
        List<String> found = new ArrayList<>();
        if (!value.isArray()) {
            found.add("/: expected an array of " + schemaName + ", got " + value.getNodeType());
            return found;
        }
        for (int i = 0; i < value.size(); i++) checkNamed(value.get(i), schemaName, "/" + i, found);
        return found;
    }

    private void checkNamed(JsonNode value, String name, String at, List<String> found) {
        JsonNode schema = schemas.get(name);
        if (schema == null) throw new IllegalArgumentException("no schema " + name);
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) checkType(value, part, name, at, found);
            return;
        }
        checkProperties(value, schema, name, at, found);
    }

    private void checkProperties(JsonNode value, JsonNode properties, String owner, String at, List<String> found) {
        if (value.isNull()) return;
        if (!value.isObject()) {
            found.add(at + ": expected an object (" + owner + "), got " + value.getNodeType());
            return;
        }
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            String key = property.getKey();
            if (skipped.contains(owner + "." + key)) continue;
            if (!value.has(key)) {
                if (!whenPresent.contains(owner + "." + key)) found.add(at + "/" + key + ": missing (" + owner + ")");
                continue;
            }
            checkType(value.get(key), property.getValue(), owner + "." + key, at + "/" + key, found);
        }
    }

    private void checkType(JsonNode value, JsonNode type, String owner, String at, List<String> found) {
        if (value.isNull()) return;
        if (type.isString()) {
            String expected = type.asString();
            if (!hasType(value, expected)) found.add(at + ": expected " + expected + ", got " + value.getNodeType() + " (" + owner + ")");
            return;
        }
        if (type.has("$ref")) {
            checkNamed(value, type.get("$ref").asString(), at, found);
        } else if (type.has("allOf")) {
            for (JsonNode part : type.get("allOf")) checkType(value, part, owner, at, found);
        } else if ("array".equals(type.path("type").asString(""))) {
            if (!value.isArray()) {
                found.add(at + ": expected array, got " + value.getNodeType() + " (" + owner + ")");
                return;
            }
            for (int i = 0; i < value.size(); i++) checkType(value.get(i), type.get("items"), owner + "[]", at + "/" + i, found);
        } else if ("object".equals(type.path("type").asString(""))) {
            checkProperties(value, type.get("properties"), owner, at, found);
        } else {
            checkProperties(value, type, owner, at, found);
        }
    }

    private static boolean hasType(JsonNode value, String expected) {
        return switch (expected) {
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> throw new IllegalArgumentException("unknown type " + expected);
        };
    }
}
