package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Parallel requests, real threads: display ids stay unique and no message is lost or doubled. */
class ConversationConcurrencyIntegrationTests extends IntegrationTest {

    @Test
    void parallelCreationsGetDistinctDisplayIds() throws Exception {
        var team = fixtures.account();
        var inbox = fixtures.inbox(team, team.agentUser());
        var customer = fixtures.customer(inbox, "Parallel Pat");
        List<Long> ids = inParallel(20, i -> team.agent().post(team.path("/conversations"),
                Map.of("inbox_id", inbox.id(), "contact_id", customer.contactId())).expect(200).json().get("id").asLong());
        assertThat(new HashSet<>(ids)).hasSize(20);
        assertThat(ids).allSatisfy(id -> assertThat(id).isBetween(1L, 20L));
    }

    @Test
    void parallelIncomingMessagesAreAllStoredExactlyOnce() throws Exception {
        var team = fixtures.account();
        var inbox = fixtures.inbox(team, team.agentUser());
        var customer = fixtures.customer(inbox, "Chatty Chris");
        long id = fixtures.conversation(customer, "first");
        team.agent().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved")).expect(200);
        Api publicApi = anonymous();
        inParallel(50, i -> publicApi.post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", "message " + i))
                .expect(200).json().get("id").asLong());

        List<String> contents = new ArrayList<>();
        publicApi.get(customer.conversationsPath() + "/" + id + "/messages").expect(200).json()
                .forEach(m -> contents.add(m.get("content").asString()));
        List<String> expected = new ArrayList<>(List.of("first"));
        for (int i = 0; i < 50; i++) expected.add("message " + i);
        assertThat(contents).containsExactlyInAnyOrderElementsOf(expected);

        JsonNode conversation = team.agent().get(team.path("/conversations/" + id)).json();
        assertThat(conversation.get("status").asString()).isEqualTo("open");
        List<String> reopenLines = new ArrayList<>();
        fetchAll(team.agent(), team.path("/conversations/" + id + "/messages")).forEach(m -> {
            if (m.get("content").asString().startsWith("System reopened")) reopenLines.add(m.get("content").asString());
        });
        assertThat(reopenLines).hasSize(1);
    }

    private static List<JsonNode> fetchAll(Api api, String path) {
        List<JsonNode> all = new ArrayList<>();
        Long before = null;
        while (true) {
            JsonNode page = api.get(path + (before == null ? "" : "?before=" + before)).expect(200).json().get("payload");
            if (page.isEmpty()) return all;
            List<JsonNode> batch = new ArrayList<>();
            page.forEach(batch::add);
            all.addAll(0, batch);
            before = batch.get(0).get("id").asLong();
        }
    }

    interface Task<T> {
        T run(int index) throws Exception;
    }

    static <T> List<T> inParallel(int count, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await();
                    return task.run(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
