package dev.parley.web.dashboard;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A customer's website on another origin (same host, another port): one plain HTML page holding Chatwoot's embed
 * snippet exactly as Chatwoot documents it, with BASE_URL pointing at Parley. The page records the chatwoot:* events it
 * receives in {@code window.chatwootEvents}, so a test can ask what the host page was told.
 */
final class CustomerWebsite implements AutoCloseable {

    private final HttpServer server;

    CustomerWebsite(String parleyBaseUrl, String websiteToken, String settingsScript) {
        String page = """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Acme shop</title></head>
                <body>
                <h1>Acme shop</h1>
                <p>Everything you need, delivered.</p>
                <script>
                  window.chatwootEvents = [];
                  ['chatwoot:ready', 'chatwoot:on-message', 'chatwoot:opened', 'chatwoot:closed', 'chatwoot:error'].forEach(function (name) {
                    window.addEventListener(name, function (e) { window.chatwootEvents.push({ name: name, detail: e.detail || null }); });
                  });
                  %s
                </script>
                <script>
                  (function(d,t) {
                    var BASE_URL="%s";
                    var g=d.createElement(t),s=d.getElementsByTagName(t)[0];
                    g.src=BASE_URL+"/packs/js/sdk.js";
                    g.defer = true;
                    g.async = true;
                    s.parentNode.insertBefore(g,s);
                    g.onload=function(){
                      window.chatwootSDK.run({
                        websiteToken: '%s',
                        baseUrl: BASE_URL
                      })
                    }
                  })(document,"script");
                </script>
                </body>
                </html>
                """.formatted(settingsScript, parleyBaseUrl, websiteToken);
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
