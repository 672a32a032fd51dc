package dev.parley.web;

import dev.parley.account.AccountQueries;
import dev.parley.account.AuthenticatedUser;
import dev.parley.account.Membership;
import dev.parley.shared.AdministratorOnly;
import dev.parley.shared.NotAuthorized;
import dev.parley.shared.ResourceNotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Authenticates {@code /api/**} requests by user access token ({@code api_access_token} header or
 * {@code Authorization: Bearer}), resolves the membership for the account in the path and enforces
 * {@link AdministratorOnly}. A caller outside the account gets the same answer whether it exists or not.
 */
@Component
class ApiAuthentication implements HandlerInterceptor {

    static final String USER = AuthenticatedUser.class.getName();
    static final String MEMBERSHIP = Membership.class.getName();

    private final AccountQueries accounts;

    ApiAuthentication(AccountQueries accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) return true;
        String token = Credentials.token(request);
        if (token == null) throw new NotAuthenticated("You need to sign in or sign up before continuing.");
        AuthenticatedUser user = accounts.authenticate(token).orElseThrow(() -> new NotAuthenticated("Invalid Access Token"));
        request.setAttribute(USER, user);
        Long accountId = accountIdFromPath(request);
        if (accountId == null) return true;
        Membership membership = accounts.membership(accountId, user)
                .orElseThrow(() -> new NotAuthorized("You are not authorized to access this account"));
        if (requiresAdministrator(method) && !membership.isAdministrator()) {
            throw new NotAuthorized("You are not authorized to do this action");
        }
        request.setAttribute(MEMBERSHIP, membership);
        return true;
    }

    private static boolean requiresAdministrator(HandlerMethod method) {
        return method.hasMethodAnnotation(AdministratorOnly.class)
                || method.getBeanType().isAnnotationPresent(AdministratorOnly.class);
    }

    @SuppressWarnings("unchecked")
    private static Long accountIdFromPath(HttpServletRequest request) {
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String raw = variables == null ? null : variables.get("accountId");
        if (raw == null) return null;
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new ResourceNotFound("Account");
        }
    }
}
