package dev.parley.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Guards {@code /platform/**} with the installation's platform token; with none configured it is closed. */
@Component
class PlatformAuthentication implements HandlerInterceptor {

    private final String platformToken;

    PlatformAuthentication(@Value("${parley.platform-token:}") String platformToken) {
        this.platformToken = platformToken;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String token = Credentials.token(request);
        if (platformToken.isBlank() || token == null
                || !MessageDigest.isEqual(platformToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new NotAuthenticated("Invalid Access Token");
        }
        return true;
    }
}
