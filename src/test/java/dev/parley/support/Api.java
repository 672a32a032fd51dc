package dev.parley.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny HTTP client for tests: real requests to the running server, JSON in and out. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final String token;

    public Api(int port, String token) {
        this.port = port;
        this.token = token;
    }

    public Api as(String otherToken) {
        return new Api(port, otherToken);
    }

    public Api anonymous() {
        return new Api(port, null);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response delete(String path, Object body) {
        return send("DELETE", path, body);
    }

    /** Sends a body as is (e.g. malformed JSON). */
    public Response sendRaw(String method, String path, String rawBody) {
        return exchange(method, path, rawBody);
    }

    /** Sends bytes with the given Content-Type, or with none when it is null (as bodyless Chatwoot clients do). */
    public Response sendBytes(String method, String path, String contentType, byte[] body) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) request.header("Content-Type", contentType);
        if (token != null) request.header("api_access_token", token);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(String method, String path, Object body) {
        return exchange(method, path, body == null ? null : JSON.writeValueAsString(body));
    }

    private Response exchange(String method, String path, String body) {
        return sendBytes(method, path, "application/json", body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A response: status and body, with the body readable as JSON. */
    public record Response(int status, String body) {

        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }

        public Response expect(int expected) {
            if (status != expected) throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            return this;
        }
    }
}
