package dev.parley.widget.web;

import dev.parley.inbox.WebWidgetChannel;
import dev.parley.widget.application.Visitor;
import dev.parley.widget.application.Visitors;
import dev.parley.widget.application.WaitingLine;
import dev.parley.widget.persistence.StreamEventRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/widget/config}: the widget's settings and the visitor token. A valid token brings back its
 * visitor; without one (or with one that names nobody here) a new visitor is made and a new token answered.
 */
@RestController
class WidgetConfigController {

    private final Visitors visitors;
    private final WaitingLine waitingLine;
    private final StreamEventRepository streamEvents;
    private final WidgetRateLimit rateLimit;

    WidgetConfigController(Visitors visitors, WaitingLine waitingLine, StreamEventRepository streamEvents, WidgetRateLimit rateLimit) {
        this.rateLimit = rateLimit;
        this.streamEvents = streamEvents;
        this.visitors = visitors;
        this.waitingLine = waitingLine;
    }

    @PostMapping("/api/v1/widget/config")
    Map<String, Object> create(@RequestParam(name = VisitorArguments.WEBSITE_TOKEN, required = false) String websiteToken,
                               @RequestHeader(name = VisitorArguments.AUTH_HEADER, required = false) String authToken,
                               HttpServletRequest request) {
        WebWidgetChannel channel = visitors.channel(websiteToken);
        Visitor visitor = visitors.known(channel, authToken).orElseGet(() -> {
            rateLimit.newVisitor(request);
            return visitors.create(channel, Map.of());
        });
        var json = new LinkedHashMap<String, Object>();
        json.put("website_channel_config", WidgetConfigJson.of(visitor, visitors.tokenFor(visitor), baseUrl(request)));
        var contact = new LinkedHashMap<String, Object>();
        contact.put("id", visitor.contact().id());
        contact.put("name", visitor.contact().name());
        contact.put("email", visitor.contact().email());
        contact.put("phone_number", visitor.contact().phoneNumber());
        contact.put("identifier", visitor.contact().identifier());
        contact.put("pubsub_token", visitor.contactInbox().pubsubToken());
        json.put("contact", contact);
        json.put("global_config", Map.of("brand_name", "Parley"));
        json.put("queue", waitingLine.of(visitor));
        json.put("stream", Map.of("url", "/api/v1/widget/stream", "last_event_id", streamEvents.head(visitor.contactInbox().id())));
        return json;
    }

    private static String baseUrl(HttpServletRequest request) {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }
}
