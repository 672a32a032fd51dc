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
 * <p>Both buckets are leased: a node reserves a part of a bucket at a time and counts from memory, so a message costs
 * one database round trip per part, not two per message. The per-address bucket is the hot one (every customer behind
 * one address, a gateway or a NAT, writes to the same row), reserved a twentieth at a time; a contact's, a quarter at
 * a time (a contact's messages mostly reach one node). Across nodes the limits still hold, give or take one part per
 * node and window.
 */
@Component
class PublicApiRateLimit implements HandlerInterceptor {

    static final String[] CREATION_PATHS = {"/public/api/v1/inboxes/*/contacts", "/public/api/v1/inboxes/*/contacts/*/conversations",
            "/public/api/v1/inboxes/*/contacts/*/conversations/*/messages"};

    /** The per-address limit is reserved by a node in this many parts (one part at a time). */
    static final long ADDRESS_SHARES = 20;
    /** The per-contact limit is reserved by a node in this many parts. */
    static final long CONTACT_SHARES = 4;

    private final RateLimits limits;
    private final RateLimit perContact;
    private final RateLimit perAddress;

    PublicApiRateLimit(RateLimits limits, @Value("${parley.rate-limits.public-api.per-contact:60}") long perContact,
                       @Value("${parley.rate-limits.public-api.per-ip:300}") long perAddress,
                       @Value("${parley.rate-limits.public-api.window:PT1M}") Duration window) {
        this.limits = limits;
        this.perContact = new RateLimit("public-contact", perContact, window).sharedPerNodeIn(CONTACT_SHARES);
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
