package dev.parley.widget.web;

import dev.parley.inbox.WebWidgetChannel;
import dev.parley.widget.application.Visitor;
import dev.parley.widget.application.Visitors;
import dev.parley.widget.application.WaitingLine;
import dev.parley.widget.persistence.StreamEventRepository;
import jakarta.servlet.http.HttpServletRequest;
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
    ConfigAnswer create(@RequestParam(name = VisitorArguments.WEBSITE_TOKEN, required = false) String websiteToken,
                               @RequestHeader(name = VisitorArguments.AUTH_HEADER, required = false) String authToken,
                               HttpServletRequest request) {
        WebWidgetChannel channel = visitors.channel(websiteToken);
        Visitor visitor = visitors.known(channel, authToken).orElseGet(() -> {
            rateLimit.newVisitor(request);
            return visitors.create(channel, Map.of());
        });
        return new ConfigAnswer(WidgetConfigJson.of(visitor, visitors.tokenFor(visitor), baseUrl(request)), WidgetContactJson.InConfig.of(visitor),
                new GlobalConfig("Parley"), waitingLine.of(visitor), new Stream("/api/v1/widget/stream", streamEvents.head(visitor.contactInbox().id())));
    }

    /** Chatwoot's widget config answer, with Parley's waiting line and live stream. */
    record ConfigAnswer(WidgetConfigJson websiteChannelConfig, WidgetContactJson.InConfig contact, GlobalConfig globalConfig, Object queue,
                        Stream stream) {
    }

    record GlobalConfig(String brandName) {
    }

    /** Where the visitor's live stream is, and the last event already reflected in this answer. */
    record Stream(String url, long lastEventId) {
    }


    private static String baseUrl(HttpServletRequest request) {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }
}
