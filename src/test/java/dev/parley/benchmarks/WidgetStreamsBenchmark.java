package dev.parley.benchmarks;

import dev.parley.support.Api;
import dev.parley.support.Fixtures;
import dev.parley.support.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How many idle website-widget streams one node holds, and what they cost: Parley started as its own JVM
 * ({@code -Xmx512m}), one widget inbox, up to {@value #MAX} visitors each with an open live stream, opened in steps
 * of 500. After each step (all streams connected, then a full GC through jcmd) the server's heap, resident set and
 * thread count are read; at the top, one agent reply is timed to its visitor's stream. Bounded: never more than
 * {@value #MAX} streams. Not part of {@code ./mvnw verify}; run it with {@code ./mvnw test -Dtest=WidgetStreamsBenchmark}.
 */
class WidgetStreamsBenchmark {

    static final int MAX = 2_000;
    static final int STEP = 500;

    @Test
    void idleWidgetStreams() throws Exception {
        try (ServerProcess server = ServerProcess.start("-Xmx512m", "-Dparley.rate-limits.widget.new-visitors-per-ip=1000000",
                "-Dparley.rate-limits.widget.per-ip=1000000", "-Dparley.rate-limits.widget.per-visitor=1000000")) {
            int port = server.port();
            var fixtures = new Fixtures(port);
            var team = fixtures.account();
            String websiteToken = team.admin().post(team.path("/inboxes"), Map.of("name", "Bench shop", "channel",
                    Map.of("type", "web_widget", "website_url", "https://bench.example"))).expect(200).json().get("website_token").asString();
            Api api = new Api(port, null);

            List<String> tokens = visitors(port, websiteToken, MAX);
            report("baseline (" + MAX + " visitors made, no stream)", 0, server, api);

            HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
            List<CompletableFuture<HttpResponse<Stream<String>>>> open = new ArrayList<>();
            Map<Integer, CountDownLatch> connected = new ConcurrentHashMap<>();
            Map<Integer, Long> replyArrived = new ConcurrentHashMap<>();
            try {
                for (int step = STEP; step <= MAX; step += STEP) {
                    CountDownLatch latch = new CountDownLatch(STEP);
                    long start = System.nanoTime();
                    for (int i = step - STEP; i < step; i++) {
                        int n = i;
                        String url = "http://localhost:" + port + "/api/v1/widget/stream?website_token=" + websiteToken + "&auth_token=" + tokens.get(i);
                        var response = client.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofLines());
                        response.thenAccept(r -> r.body().forEach(line -> {
                            if (line.startsWith("event:queue.position") || line.startsWith("event: queue.position")) latch.countDown();
                            if (line.contains("the bench reply")) replyArrived.putIfAbsent(n, System.nanoTime());
                        }));
                        open.add(response);
                    }
                    if (!latch.await(5, TimeUnit.MINUTES)) throw new AssertionError("streams did not all connect: " + latch.getCount() + " left");
                    System.out.printf("BENCH widget streams: %d more connected in %.1f s%n", STEP, (System.nanoTime() - start) / 1e9);
                    report(step + " open streams", step, server, api);
                }
                // one live delivery with everything open: a visitor writes, an agent replies, the reply reaches the stream
                WidgetCall visitor = new WidgetCall(port, websiteToken, tokens.get(MAX - 1));
                visitor.post("/api/v1/widget/messages", "{\"message\":{\"content\":\"hello from the bench\"}}");
                long id = Long.parseLong(visitor.get("/api/v1/widget/conversations").replaceAll(".*\"id\":(\\d+).*", "$1"));
                long sent = System.nanoTime();
                team.admin().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "the bench reply")).expect(200);
                long deadline = System.currentTimeMillis() + 30_000;
                while (!replyArrived.containsKey(MAX - 1) && System.currentTimeMillis() < deadline) Thread.sleep(5);
                Long arrived = replyArrived.get(MAX - 1);
                System.out.printf("BENCH widget streams: with %d open, an agent reply reached its visitor's stream %s after the POST began%n",
                        MAX, arrived == null ? "NOT within 30 s" : String.format("%.0f ms", (arrived - sent) / 1e6));
            } finally {
                open.forEach(f -> f.thenAccept(r -> r.body().close()));
                open.forEach(f -> f.cancel(true));
            }
        }
    }

    /** Makes visitors through the widget's config call, 8 at a time; returns their tokens. */
    private static List<String> visitors(int port, String websiteToken, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<String>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            futures.add(pool.submit(() -> new WidgetCall(port, websiteToken, null).post("/api/v1/widget/config", "{}")
                    .replaceAll(".*\"auth_token\":\"([^\"]+)\".*", "$1")));
        }
        List<String> tokens = new ArrayList<>();
        for (var f : futures) tokens.add(f.get());
        pool.shutdown();
        System.out.printf("BENCH widget streams: %d visitors made (config calls, 8 in parallel) in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
        return tokens;
    }

    private static void report(String label, int streams, ServerProcess server, Api api) throws Exception {
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(server.pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        Thread.sleep(1_000);
        long heap = metric(api, "jvm.memory.used?tag=area:heap");
        long threads = metric(api, "jvm.threads.live");
        long rssKb = Files.readAllLines(Path.of("/proc/" + server.pid() + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
        System.out.printf("BENCH widget streams: %-40s heap after GC %4d MB, RSS %4d MB, %d live threads%n", label, heap >> 20, rssKb >> 10,
                threads);
    }

    private static long metric(Api api, String name) {
        return (long) api.get("/actuator/metrics/" + name).json().get("measurements").get(0).get("value").asDouble();
    }

    /** A widget API call with the visitor's token. */
    private record WidgetCall(int port, String websiteToken, String authToken) {
        String post(String path, String json) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        String get(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path + "?website_token=" + websiteToken);
        }

        private String send(HttpRequest.Builder request) throws Exception {
            if (authToken != null) request.header("X-Auth-Token", authToken);
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new AssertionError(response.statusCode() + ": " + response.body());
            return response.body();
        }

        private static final HttpClient HTTP = HttpClient.newHttpClient();
    }
}
