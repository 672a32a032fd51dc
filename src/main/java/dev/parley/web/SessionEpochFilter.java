package dev.parley.web;

import dev.parley.account.AccountQueries;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a dashboard session whose person signed out everywhere (or set a new password through a link) since it was
 * signed in, or who was deleted: one primary-key read per dashboard request. Pages go to the sign-in page; htmx
 * requests are told to go there too.
 */
class SessionEpochFilter extends OncePerRequestFilter {

    private final AccountQueries accounts;

    SessionEpochFilter(AccountQueries accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof DashboardUser user
                && accounts.sessionEpoch(user.id()) != user.epoch()) {
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) session.invalidate();
            String signIn = request.getContextPath() + "/app/login?ended";
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", signIn);
                response.setStatus(401);
            } else {
                response.sendRedirect(signIn);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
