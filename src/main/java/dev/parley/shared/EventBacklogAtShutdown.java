package dev.parley.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.task.ThreadPoolTaskExecutorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A shutdown with a backlog leaves the backlog for the next start instead of racing the connection
 * pool's close. Event listeners run on the task executor; its queue holds deliveries whose publication
 * is still open in {@code event_publication}. Left alone, the queue keeps running while the context
 * closes the pool, and each queued delivery fails with an error in the log. So when the context starts
 * closing, the queue is emptied (one line in the log says how many), deliveries submitted later (by
 * requests still finishing) are set aside silently, and the ones already running get
 * {@code spring.task.execution.shutdown.await-termination-period} to finish before the pool closes.
 * {@code spring.modulith.events.republish-outstanding-events-on-restart} hands the rest to the next
 * start. Every listener is idempotent (claims or unique keys per event), so a delivery that ran but was
 * not yet marked complete does no harm when it runs again.
 */
@Configuration(proxyBeanMethods = false)
class EventBacklogAtShutdown {

    private static final Logger log = LoggerFactory.getLogger(EventBacklogAtShutdown.class);

    private final ObjectProvider<ThreadPoolTaskExecutor> executors;
    private final Duration awaitRunning;

    EventBacklogAtShutdown(ObjectProvider<ThreadPoolTaskExecutor> executors,
                           @Value("${spring.task.execution.shutdown.await-termination-period:20s}") Duration awaitRunning) {
        this.executors = executors;
        this.awaitRunning = awaitRunning;
    }

    /** The queue is unbounded, so a task is only ever refused once the executor is shut down; it then stays for the next start. */
    @Bean
    static ThreadPoolTaskExecutorCustomizer setAsideAfterShutdown() {
        return executor -> executor.setRejectedExecutionHandler((task, pool) -> {
            if (!pool.isShutdown()) throw new RejectedExecutionException("task executor refused a task while running");
        });
    }

    @EventListener(ContextClosedEvent.class)
    void leaveQueuedDeliveriesForTheNextStart() {
        executors.orderedStream().forEach(executor -> {
            ThreadPoolExecutor pool = executor.getThreadPoolExecutor();
            List<Runnable> queued = new ArrayList<>();
            pool.shutdown();
            pool.getQueue().drainTo(queued);
            if (!queued.isEmpty()) {
                log.info("Stopping with {} queued event deliveries; they stay in event_publication and resume on the next start", queued.size());
            }
            try {
                if (!pool.awaitTermination(awaitRunning.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("{} event deliveries still running after {} s; they resume on the next start", pool.getActiveCount(), awaitRunning.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
