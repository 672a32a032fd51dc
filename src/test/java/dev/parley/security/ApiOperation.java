package dev.parley.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * One operation of the server's own OpenAPI document: method, path template, its path and query
 * parameters and the JSON schema of its body (refs resolved lazily through {@link #schemas}).
 * Parameters whose schema is a component (the resolved caller: Membership, AuthenticatedUser) are
 * not client input and are left out; path variables the document does not declare are taken from the
 * path itself.
 */
record ApiOperation(String method, String path, List<Param> pathParams, List<Param> queryParams, JsonNode body, JsonNode schemas) {

    record Param(String name, String type) {
    }

    static List<ApiOperation> all(JsonNode document) {
        var operations = new ArrayList<ApiOperation>();
        JsonNode schemas = document.path("components").path("schemas");
        for (var path : document.get("paths").properties()) {
            for (var entry : path.getValue().properties()) {
                JsonNode op = entry.getValue();
                var pathParams = new ArrayList<Param>();
                var queryParams = new ArrayList<Param>();
                for (JsonNode p : op.path("parameters")) {
                    JsonNode schema = p.path("schema");
                    if (schema.has("$ref")) continue;
                    var param = new Param(p.get("name").asString(), schema.path("type").asString("string"));
                    if ("path".equals(p.get("in").asString())) pathParams.add(param);
                    else if ("query".equals(p.get("in").asString())) queryParams.add(param);
                }
                // springdoc leaves out path variables bound by an argument resolver (accountId, read into Membership)
                var declared = pathParams.stream().map(Param::name).toList();
                var variables = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(path.getKey());
                while (variables.find()) {
                    if (!declared.contains(variables.group(1))) pathParams.add(0, new Param(variables.group(1), "integer"));
                }
                JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
                operations.add(new ApiOperation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), pathParams, queryParams,
                        body.isMissingNode() ? null : body, schemas));
            }
        }
        operations.sort(java.util.Comparator.comparing(ApiOperation::toString));
        return operations;
    }

    boolean takesBody() {
        return body != null;
    }

    /** The part of the API: public client, platform, or application (account or profile). */
    String api() {
        if (path.startsWith("/public/")) return "public";
        if (path.startsWith("/platform/")) return "platform";
        return "application";
    }

    JsonNode resolve(JsonNode schema) {
        if (schema != null && schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
