package dev.parley.security;

import dev.parley.security.HostileValues.BodyVariant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * The hostile requests for one operation: each path parameter, query parameter and body field in turn
 * gets hostile values while everything else stays plausible, then the whole body is replaced by
 * malformed JSON and other Content-Types, and a few go out without credentials.
 *
 * <p>Requests that would dismantle the world the rest of the run needs are shaped so they cannot: a
 * DELETE without a body only ever names a hostile id, and resetting the caller's own access token is
 * only tried anonymously.
 */
final class ProbePlan {

    private final ExampleValues examples;
    private final Map<String, String> credentials;
    private final Random random;

    /** @param credentials the header a caller of each API part sends (application, platform; public sends none) */
    ProbePlan(ExampleValues examples, Map<String, String> credentials, Random random) {
        this.examples = examples;
        this.credentials = credentials;
        this.random = random;
    }

    List<Probe> probes(ApiOperation op) {
        var probes = new ArrayList<Probe>();
        boolean destructive = op.method().equals("DELETE") && !op.takesBody();
        boolean ownToken = op.path().endsWith("/reset_access_token");
        Map<String, String> caller = ownToken ? Map.of() : callerHeaders(op);
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (var p : op.pathParams()) pathValues.put(p.name(), examples.path(op, p.name()));
        JsonNode body = examples.body(op);

        for (var p : op.pathParams()) {
            for (String hostile : HostileValues.draw(HostileValues.PATH_ALWAYS, HostileValues.PATH_SOMETIMES, 3, random)) {
                var values = new LinkedHashMap<>(pathValues);
                values.put(p.name(), hostile);
                probes.add(probe(op, "path " + p.name() + "=" + HostileValues.abbreviate(hostile), caller, target(op, values, null, null), json(body)));
            }
        }
        if (destructive || ownToken) {
            if (ownToken) probes.addAll(bodyVariants(op, caller, target(op, pathValues, null, null)));
            return probes;
        }
        for (var q : op.queryParams()) {
            for (String hostile : HostileValues.draw(HostileValues.QUERY_ALWAYS, HostileValues.QUERY_SOMETIMES, 4, random)) {
                probes.add(probe(op, "query " + q.name() + "=" + HostileValues.abbreviate(hostile), caller, target(op, pathValues, q.name(), hostile), json(body)));
            }
            probes.add(probe(op, "query " + q.name() + " repeated", caller,
                    target(op, pathValues, q.name(), "1&" + q.name() + "=abc&" + q.name() + "[]=x"), json(body)));
        }
        for (String field : ExampleValues.fields(body)) {
            var values = HostileValues.draw(HostileValues.JSON_ALWAYS, HostileValues.JSON_SOMETIMES, 3, random);
            if (field.endsWith("source_id") || field.endsWith("identifier")) values.add(HostileValues.HUGE_1_MB_JSON);
            for (String hostile : values) {
                probes.add(probe(op, "field " + field + "=" + HostileValues.abbreviate(hostile), caller, target(op, pathValues, null, null),
                        ExampleValues.withRaw(body, field, hostile).getBytes(StandardCharsets.UTF_8)));
            }
        }
        String plain = target(op, pathValues, null, null);
        if (!op.method().equals("GET")) probes.addAll(bodyVariants(op, caller, plain));
        else probes.add(probe(op, "GET with a malformed body", caller, plain, "{not json".getBytes(StandardCharsets.UTF_8)));
        if (!op.api().equals("public")) {
            probes.add(probe(op, "no credentials", Map.of(), plain, json(body)));
            probes.add(probe(op, "unknown token", Map.of("api_access_token", "\u00ff-not-a-token"), plain, json(body)));
            probes.add(new Probe(op.toString(), "no credentials, multipart without boundary", op.method(), plain,
                    Map.of("Content-Type", "multipart/form-data"), "--x\r\n\r\nv\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8)));
        }
        return probes;
    }

    private List<Probe> bodyVariants(ApiOperation op, Map<String, String> caller, String target) {
        var probes = new ArrayList<Probe>();
        for (BodyVariant variant : HostileValues.bodies()) {
            var headers = new LinkedHashMap<>(caller);
            if (variant.contentType() != null) headers.put("Content-Type", variant.contentType());
            probes.add(new Probe(op.toString(), "body " + variant.name(), op.method(), target, headers, variant.bytes()));
        }
        return probes;
    }

    private Probe probe(ApiOperation op, String variant, Map<String, String> caller, String target, byte[] body) {
        var headers = new LinkedHashMap<>(caller);
        if (body != null) headers.put("Content-Type", "application/json");
        return new Probe(op.toString(), variant, op.method(), target, headers, body);
    }

    private Map<String, String> callerHeaders(ApiOperation op) {
        String token = credentials.get(op.api());
        return token == null ? Map.of() : Map.of("api_access_token", token);
    }

    private String target(ApiOperation op, Map<String, String> pathValues, String hostileQuery, String hostileValue) {
        String path = op.path();
        for (var e : pathValues.entrySet()) path = path.replace("{" + e.getKey() + "}", e.getValue());
        var query = new StringBuilder();
        for (var q : op.queryParams()) {
            String value = q.name().equals(hostileQuery) ? hostileValue : java.net.URLEncoder.encode(examples.query(q.name()), StandardCharsets.UTF_8);
            query.append(query.isEmpty() ? "?" : "&").append(java.net.URLEncoder.encode(q.name(), StandardCharsets.UTF_8)).append('=').append(value);
        }
        return path + query;
    }

    private static byte[] json(JsonNode body) {
        return body == null ? null : ExampleValues.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }
}
