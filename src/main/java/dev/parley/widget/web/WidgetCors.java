package dev.parley.widget.web;

import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.WebWidgetChannel;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS for the widget API: a page of any origin may call it (as Chatwoot allows), or only pages of the inbox's
 * {@code allowed_domains} when the inbox has any. A call from another origin is refused (403) before it does
 * anything, so a foreign page cannot even create; calls without an Origin (not from a browser page) go on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WidgetCors extends OncePerRequestFilter {

    private final InboxQueries inboxes;

    WidgetCors(InboxQueries inboxes) {
        this.inboxes = inboxes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/widget/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        boolean preflight = "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        response.addHeader("Vary", "Origin");
        boolean allowed = inboxes.webWidgetByToken(request.getParameter(VisitorArguments.WEBSITE_TOKEN))
                .map(channel -> channel.allowsOrigin(origin)).orElse(true); // an unknown token is answered 404 anyway
        if (!allowed) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"This website is not allowed to use this widget\"}");
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Expose-Headers", "Retry-After");
        if (preflight) {
            response.setHeader("Access-Control-Allow-Methods", "GET, POST, PATCH, PUT, DELETE, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", "Content-Type, X-Auth-Token, Last-Event-ID");
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, response);
    }
}
