package dev.parley.widget;

import dev.parley.support.Api;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A website visitor's browser, as the widget calls Parley: the website token on every call, the visitor token in X-Auth-Token. */
final class WidgetVisitor {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final int port;
    final String websiteToken;
    String authToken;
    final Map<String, String> headers = new LinkedHashMap<>();

    WidgetVisitor(int port, String websiteToken, String authToken) {
        this.port = port;
        this.websiteToken = websiteToken;
        this.authToken = authToken;
    }

    /** Opens the widget: the config call, keeping the visitor token it answers. */
    static WidgetVisitor arrive(int port, String websiteToken) {
        WidgetVisitor visitor = new WidgetVisitor(port, websiteToken, null);
        visitor.authToken = visitor.post("/api/v1/widget/config", null).expect(200).json().at("/website_channel_config/auth_token").asString();
        return visitor;
    }

    /** The same browser after a reload: config with the kept token. */
    JsonNode reload() {
        JsonNode config = post("/api/v1/widget/config", null).expect(200).json();
        authToken = config.at("/website_channel_config/auth_token").asString();
        return config;
    }

    WidgetVisitor from(String origin) {
        headers.put("Origin", origin);
        return this;
    }

    Api.Response get(String path) {
        return send("GET", path, null);
    }

    Api.Response post(String path, Object body) {
        return send("POST", path, body);
    }

    Api.Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    Api.Response delete(String path) {
        return send("DELETE", path, null);
    }

    String url(String path) {
        return "http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "website_token="
                + URLEncoder.encode(websiteToken, StandardCharsets.UTF_8);
    }

    Api.Response send(String method, String path, Object body) {
        byte[] bytes = body == null ? null : JSON.writeValueAsBytes(body);
        return sendBytes(method, path, body == null ? null : "application/json", bytes);
    }

    Api.Response sendBytes(String method, String path, String contentType, byte[] bytes) {
        var request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .method(method, bytes == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (contentType != null) request.header("Content-Type", contentType);
        if (authToken != null) request.header("X-Auth-Token", authToken);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> raw(String method, String path, Map<String, String> extraHeaders) {
        var request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        extraHeaders.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
