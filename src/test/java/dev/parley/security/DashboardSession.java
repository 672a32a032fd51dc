package dev.parley.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** A browser without a browser: signs in to the dashboard with the login form and keeps the session cookie. */
final class DashboardSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** The answer to the sign-in form (its Set-Cookie starts the signed-in session). */
    final HttpResponse<String> signIn;

    DashboardSession(int port, String email, String password) {
        this.port = port;
        var login = get("/app/login", "text/html");
        var csrf = CSRF.matcher(login.body());
        if (!csrf.find()) throw new AssertionError("no CSRF field on the login page: " + login.body());
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        signIn = send(HttpRequest.newBuilder(uri("/app/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (signIn.statusCode() != 302 || signIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("sign-in failed: " + signIn.statusCode() + " " + signIn.headers().map());
        }
    }

    HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
    }

    /** Posts a dashboard form (fields already encoded) with the CSRF token of the page it was on. */
    HttpResponse<String> post(String pagePath, String formPath, String encodedFields) {
        var token = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(get(pagePath, "text/html").body());
        if (!token.find()) throw new AssertionError("no CSRF token on " + pagePath);
        return send(HttpRequest.newBuilder(uri(formPath)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", "http://localhost:" + port + pagePath)
                .POST(HttpRequest.BodyPublishers.ofString(encodedFields + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
