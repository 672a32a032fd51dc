package dev.parley.web;

import dev.parley.shared.EventBacklogMetrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * When the reactors fall behind (more unfinished event publications than {@code parley.events.backlog-limit}),
 * customers' writes through the public API are answered 429 with {@code Retry-After} instead of growing the
 * backlog without bound; reads and agents' work go on. Clients of Chatwoot's API retry a 429.
 */
@Component
class Backpressure implements HandlerInterceptor {

    private final EventBacklogMetrics backlog;
    private final long limit;

    Backpressure(EventBacklogMetrics backlog, @Value("${parley.events.backlog-limit:50000}") long limit) {
        this.backlog = backlog;
        this.limit = limit;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if ("GET".equals(request.getMethod()) || backlog.totalBacklog() <= limit) return true;
        response.setStatus(429);
        response.setHeader("Retry-After", "5");
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"The server is catching up; retry in a few seconds\"}");
        return false;
    }
}
