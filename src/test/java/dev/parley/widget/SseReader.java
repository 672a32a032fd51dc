package dev.parley.widget;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** An EventSource in a test: reads a server-sent event stream in the background and keeps its events. */
final class SseReader implements AutoCloseable {

    /** One event: its id (null when it has none), name and data. */
    record Event(String id, String name, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final List<Event> events = new CopyOnWriteArrayList<>();
    volatile int status;
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    SseReader(String url, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            status = r.statusCode();
            List<String> block = new ArrayList<>();
            r.body().forEach(line -> {
                if (!line.isEmpty()) {
                    block.add(line);
                    return;
                }
                parse(block);
                block.clear();
            });
        });
    }

    private void parse(List<String> block) {
        String id = null;
        String name = null;
        StringBuilder data = null;
        for (String line : block) {
            if (line.startsWith("id:")) id = line.substring(3).trim();
            else if (line.startsWith("event:")) name = line.substring(6).trim();
            else if (line.startsWith("data:")) data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).trim());
        }
        if (name != null || data != null) events.add(new Event(id, name, data == null ? "" : data.toString()));
    }

    List<Event> named(String name) {
        return events.stream().filter(e -> name.equals(e.name())).toList();
    }

    String lastId() {
        return events.stream().map(Event::id).filter(java.util.Objects::nonNull).reduce((a, b) -> b).orElse(null);
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
