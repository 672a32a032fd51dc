package dev.parley.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A wrong email or password goes back to the sign-in page with an error; a throttled sign-in is answered 429 with
 * {@code Retry-After} and the sign-in page saying how long to wait (rendered at {@code /app/login/throttled}).
 */
class SignInFailures implements AuthenticationFailureHandler {

    static final String THROTTLED_PAGE = "/app/login/throttled";

    private final AuthenticationFailureHandler wrongCredentials = new SimpleUrlAuthenticationFailureHandler("/app/login?error");

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        if (exception instanceof SignInThrottled throttled) {
            request.setAttribute(SignInThrottled.ATTRIBUTE, throttled.refusal());
            request.getRequestDispatcher(THROTTLED_PAGE).forward(request, response);
            return;
        }
        wrongCredentials.onAuthenticationFailure(request, response, exception);
    }
}
