package dev.parley.webhook;

import com.sun.net.httpserver.HttpServer;
import dev.parley.webhook.application.Signatures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A local webhook receiver for tests: can be "down" (answers 503), records what it accepted. */
final class Receiver implements AutoCloseable {

    /** One accepted delivery: its id, event, body and whether the signature checked out. */
    record Received(String deliveryId, String event, String body, boolean signatureValid) {
    }

    final List<Received> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicBoolean down = new AtomicBoolean(false);
    private final HttpServer server;
    private volatile String secret;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (down.get()) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
            } else {
                String signature = exchange.getRequestHeaders().getFirst("X-Parley-Signature");
                boolean valid = secret != null && signature != null && signature.equals(Signatures.sign(secret, body));
                accepted.add(new Received(exchange.getRequestHeaders().getFirst("X-Parley-Delivery"),
                        exchange.getRequestHeaders().getFirst("X-Parley-Event"), body, valid));
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void expectSecret(String secret) {
        this.secret = secret;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
