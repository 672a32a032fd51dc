package dev.parley.widget.web;

import dev.parley.widget.application.Visitor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/widget/stream}: the visitor's live stream (server-sent events). A reconnect's
 * {@code Last-Event-ID} (or {@code ?after=N}) replays every stored event after it, in order, before live ones.
 */
@RestController
class WidgetStreamController {

    private final VisitorStreams streams;

    WidgetStreamController(VisitorStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/v1/widget/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Visitor visitor, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(required = false) Long after) {
        Long from = parse(lastEventId);
        return streams.open(visitor, from != null ? from : after);
    }

    private static Long parse(String value) {
        try {
            return value == null || value.isBlank() ? null : Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
