package dev.parley.widget.web;

import dev.parley.shared.RateLimit;
import dev.parley.shared.RateLimits;
import dev.parley.shared.RateLimits.Subject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Limits what a website visitor may create, with Bucket4j buckets in PostgreSQL (every node counts alike): new
 * visitors (contacts) per client address, and conversations and messages per visitor and per address. A spent
 * limit is 429 {@code {"error": ...}} with {@code Retry-After}, before anything is read or written.
 */
@Component
class WidgetRateLimit implements HandlerInterceptor {

    static final String[] CREATION_PATHS = {"/api/v1/widget/conversations", "/api/v1/widget/messages"};

    private final RateLimits limits;
    private final RateLimit perVisitor;
    private final RateLimit perAddress;
    private final RateLimit newVisitorsPerAddress;

    WidgetRateLimit(RateLimits limits, @Value("${parley.rate-limits.widget.per-visitor:30}") long perVisitor,
                    @Value("${parley.rate-limits.widget.per-ip:300}") long perAddress,
                    @Value("${parley.rate-limits.widget.new-visitors-per-ip:60}") long newVisitorsPerAddress,
                    @Value("${parley.rate-limits.widget.window:PT1M}") Duration window) {
        this.limits = limits;
        this.perVisitor = new RateLimit("widget-visitor", perVisitor, window);
        this.perAddress = new RateLimit("widget-ip", perAddress, window);
        this.newVisitorsPerAddress = new RateLimit("widget-new-visitor-ip", newVisitorsPerAddress, window);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) return true;
        String token = request.getHeader(VisitorArguments.AUTH_HEADER);
        limits.acquire(new Subject(perVisitor, token == null ? request.getParameter("auth_token") : token),
                new Subject(perAddress, request.getRemoteAddr()));
        return true;
    }

    /** A config call that makes a new visitor (a contact) takes from the address's bucket of new visitors. */
    void newVisitor(HttpServletRequest request) {
        limits.acquire(new Subject(newVisitorsPerAddress, request.getRemoteAddr()));
    }
}
