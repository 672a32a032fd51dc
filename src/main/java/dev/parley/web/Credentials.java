package dev.parley.web;

import jakarta.servlet.http.HttpServletRequest;

/** Where Chatwoot clients put their token: the {@code api_access_token} header, or a Bearer token. */
final class Credentials {
    private Credentials() {
    }

    static String token(HttpServletRequest request) {
        String header = request.getHeader("api_access_token");
        if (header != null && !header.isBlank()) return header.trim();
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String bearer = authorization.substring(7).trim();
            return bearer.isEmpty() ? null : bearer;
        }
        return null;
    }
}
