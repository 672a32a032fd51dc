package dev.parley.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.IntegrationTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Event listeners and timers take their connections from their own pool; HTTP threads from the other. */
class ReactorConnectionsIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("applicationTaskExecutor")
    Executor listenerThreads;

    private String applicationName() {
        return jdbc.sql("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()").query(String.class).single();
    }

    @Test
    void listenerThreadsUseTheReactorPoolAndOthersTheMainOne() throws Exception {
        assertThat(applicationName()).isNotEqualTo("parley-reactors");
        String onListenerThread = CompletableFuture.supplyAsync(this::applicationName, listenerThreads).get();
        assertThat(onListenerThread).isEqualTo("parley-reactors");
        String onTimerThread = CompletableFuture.supplyAsync(() -> {
            Thread.currentThread().setName("timer-test");
            return applicationName();
        }).get();
        assertThat(onTimerThread).isEqualTo("parley-reactors");
    }
}
