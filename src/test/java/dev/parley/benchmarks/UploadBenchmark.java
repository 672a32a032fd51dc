package dev.parley.benchmarks;

import dev.parley.support.Api;
import dev.parley.support.Fixtures;
import dev.parley.support.Multipart;
import dev.parley.support.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Upload and download throughput of 40 MB attachments (the default per-file limit), and the server's heap while
 * one is uploaded, against Parley started as its own JVM with {@code -Xmx256m} (not part of {@code ./mvnw verify};
 * run it with {@code ./mvnw test -Dtest=UploadBenchmark}). Bytes are generated, never held by the client.
 */
class UploadBenchmark {

    static final long SIZE = 40L * 1024 * 1024;

    @Test
    void fortyMegabyteUploads() throws Exception {
        try (ServerProcess server = ServerProcess.start("-Xmx256m")) {
            int port = server.port();
            var fixtures = new Fixtures(port);
            var team = fixtures.account();
            var customer = fixtures.customer(fixtures.inbox(team, team.agentUser()), "Bench Customer");
            long id = fixtures.conversation(customer, "files coming");
            String url = "http://localhost:" + port + team.path("/conversations/" + id + "/messages");
            Api api = new Api(port, null);
            for (int i = 0; i < 2; i++) upload(url, team.agentUser().token());

            long heapBefore = heap(api);
            AtomicLong maxHeap = new AtomicLong(heapBefore);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    maxHeap.accumulateAndGet(heap(api), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            List<Double> uploadMbs = new ArrayList<>();
            List<Double> downloadMbs = new ArrayList<>();
            sampler.start();
            String dataUrl = null;
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                dataUrl = upload(url, team.agentUser().token());
                uploadMbs.add(40 / ((System.nanoTime() - start) / 1e9));
                start = System.nanoTime();
                var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dataUrl)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) throw new AssertionError("download " + response.statusCode());
                downloadMbs.add(40 / ((System.nanoTime() - start) / 1e9));
            }
            sampler.interrupt();
            sampler.join();
            Collections.sort(uploadMbs);
            Collections.sort(downloadMbs);
            System.out.printf("BENCH 40 MB upload (multipart, -Xmx256m server): median %.1f MB/s (min %.1f, max %.1f)%n",
                    uploadMbs.get(2), uploadMbs.get(0), uploadMbs.get(4));
            System.out.printf("BENCH 40 MB download (signed URL, streamed): median %.1f MB/s%n", downloadMbs.get(2));
            System.out.printf("BENCH server heap used: %d MB before, at most %d MB while uploading and downloading%n",
                    heapBefore >> 20, maxHeap.get() >> 20);
        }
    }

    private static String upload(String url, String token) {
        return new Multipart().field("content", "a big file")
                .file("attachments[]", "big.bin", "application/octet-stream", SIZE, () -> Multipart.generated(SIZE))
                .post(url, token).expect(200).json().get("attachments").get(0).get("data_url").asString();
    }

    private static long heap(Api api) {
        var json = api.get("/actuator/metrics/jvm.memory.used?tag=area:heap").json();
        return (long) json.get("measurements").get(0).get("value").asDouble();
    }
}
