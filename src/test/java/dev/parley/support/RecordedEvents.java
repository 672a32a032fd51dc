package dev.parley.support;

import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/** Records every module event as it is published, so tests can check what was published (and what was not). */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedEvents {

    private final java.util.Queue<Object> committed = new java.util.concurrent.ConcurrentLinkedQueue<>(); // appends in O(1): a load benchmark records 100,000s

    @Bean
    Recorder eventRecorder() {
        return new Recorder();
    }

    public <T> List<T> ofType(Class<T> type) {
        return committed.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Listens synchronously to Parley's own events only (framework events are ignored). */
    public class Recorder {
        @EventListener
        void on(Object event) {
            if (event.getClass().getPackageName().startsWith("dev.parley") && event.getClass().isRecord()) committed.add(event);
        }
    }
}
