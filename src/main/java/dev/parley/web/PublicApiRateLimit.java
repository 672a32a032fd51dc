package dev.parley.web;

import dev.parley.shared.RateLimit;
import dev.parley.shared.RateLimits;
import dev.parley.shared.RateLimits.Subject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Limits what an unauthenticated client of the public API may create (contacts, conversations, messages): per
 * client address, and per contact (inbox identifier + source id) where the path names one. A spent limit is a 429
 * with {@code Retry-After} in Chatwoot's error shape, before anything is read or written.
 *
 * <p>The per-address bucket is the hot one (every customer behind one address, a gateway or a NAT, writes to the same
 * row), so each node reserves a twentieth of it at a time and counts from memory: one database round trip per
 * twentieth, not per request. Across nodes the limit still holds, give or take a twentieth per node and window.
 */
@Component
class PublicApiRateLimit implements HandlerInterceptor {

    static final String[] CREATION_PATHS = {"/public/api/v1/inboxes/*/contacts", "/public/api/v1/inboxes/*/contacts/*/conversations",
            "/public/api/v1/inboxes/*/contacts/*/conversations/*/messages"};

    /** The per-address limit is reserved by a node in this many parts (one part at a time). */
    static final long ADDRESS_SHARES = 20;

    private final RateLimits limits;
    private final RateLimit perContact;
    private final RateLimit perAddress;

    PublicApiRateLimit(RateLimits limits, @Value("${parley.rate-limits.public-api.per-contact:60}") long perContact,
                       @Value("${parley.rate-limits.public-api.per-ip:300}") long perAddress,
                       @Value("${parley.rate-limits.public-api.window:PT1M}") Duration window) {
        this.limits = limits;
        this.perContact = new RateLimit("public-contact", perContact, window);
        this.perAddress = new RateLimit("public-ip", perAddress, window).sharedPerNodeIn(ADDRESS_SHARES);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) return true;
        limits.acquire(new Subject(perContact, contact(request)), new Subject(perAddress, request.getRemoteAddr()));
        return true;
    }

    private static String contact(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path)) return null;
        Object source = path.get("sourceId");
        return source == null ? null : path.get("inboxIdentifier") + "/" + source;
    }
}
