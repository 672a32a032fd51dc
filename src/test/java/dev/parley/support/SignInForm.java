package dev.parley.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One browser's session on the dashboard, as plain HTTP: its cookies, and the CSRF token of the last page read. */
public final class SignInForm {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private String csrf;

    public SignInForm(int port) {
        this.port = port;
        read("/app/login");
    }

    public HttpResponse<String> signIn(String email, String password) {
        return post("/app/login", Map.of("email", email, "password", password));
    }

    /** True when the answer is the redirect of a successful sign-in (a wrong password goes back to the sign-in page). */
    public static boolean signedIn(HttpResponse<String> response) {
        return response.statusCode() == 302 && !response.headers().firstValue("Location").orElse("").contains("/app/login");
    }

    public static boolean wrongPassword(HttpResponse<String> response) {
        return response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").endsWith("/app/login?error");
    }

    /** Reads a page and keeps its CSRF token for the next form. */
    public HttpResponse<String> read(String path) {
        var response = send(HttpRequest.newBuilder(uri(path)).GET());
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) csrf = m.group(1) != null ? m.group(1) : m.group(2);
        return response;
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) {
        var form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
