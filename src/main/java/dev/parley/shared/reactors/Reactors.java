package dev.parley.shared.reactors;

import dev.parley.shared.EventBacklogMetrics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import dev.parley.shared.JsonCodec;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The node's reactors: finds every {@link Reactor} bean, gives each a cursor (from the start of the log the first
 * time) and a thread running its {@link ReactorLoop}, wakes them when this node appended events, stops them with
 * the application (the events they did not reach stay in the log for the next start or another node), and deletes
 * log rows every reactor has passed.
 */
@Component
@EnableConfigurationProperties(ReactorSettings.class)
public class Reactors implements SmartInitializingSingleton, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Reactors.class);

    private final ApplicationContext context;
    private final JdbcClient jdbc;
    private final JsonCodec serializer;
    private final EventBacklogMetrics metrics;
    private final ReactorSettings settings;
    private final PlatformTransactionManager transactions;
    private final Map<Class<?>, Boolean> interest = new ConcurrentHashMap<>();
    private volatile List<ReactorDefinition> definitions = List.of();
    private volatile List<ReactorLoop> loops = List.of();
    private volatile boolean running;

    Reactors(ApplicationContext context, JdbcClient jdbc, JsonCodec serializer, EventBacklogMetrics metrics, ReactorSettings settings,
             PlatformTransactionManager transactions) {
        this.context = context;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.metrics = metrics;
        this.settings = settings;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        definitions = context.getBeansWithAnnotation(Reactor.class).values().stream().map(ReactorDefinition::of).toList();
    }

    /** Whether some reactor takes events of this type (only those go into the log). */
    boolean interested(Class<?> eventType) {
        return interest.computeIfAbsent(eventType, t -> definitions.stream().anyMatch(d -> d.accepts(t)));
    }

    /** This node appended events: every reactor looks at once. */
    void wake() {
        loops.forEach(ReactorLoop::wake);
    }

    /** The reactors' names (the {@code reactor} tag of their metrics). */
    public List<String> names() {
        return definitions.stream().map(ReactorDefinition::name).toList();
    }

    @Override
    public void start() {
        String[] names = names().toArray(String[]::new);
        jdbc.sql("INSERT INTO reactor_cursors (reactor, tx, id) SELECT unnest(?::text[]), '0'::xid8, 0 ON CONFLICT (reactor) DO NOTHING")
                .param(names).update();
        running = true;
        if (!settings.enabled()) return;
        DecodedEvents decoded = new DecodedEvents();
        loops = definitions.stream().map(d -> new ReactorLoop(d, jdbc, serializer, decoded, metrics, settings, transactions)).toList();
        for (ReactorLoop loop : loops) {
            Thread thread = new Thread(loop, "reactor-" + loop.name()); // reactor- threads take the reactors' connections
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        loops.forEach(ReactorLoop::stop);
        loops.forEach(ReactorLoop::awaitStopped);
        try {
            long behind = metrics.sampleBacklog();
            if (behind > 0) log.info("Stopping with {} events not yet handled by every reactor; they stay in event_log and resume on the next start",
                    behind);
        } catch (RuntimeException e) {
            log.debug("Backlog at shutdown not counted", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the connection pools close, after the web server stopped taking requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    /** Log rows every reactor has passed are done with. */
    @Scheduled(fixedDelayString = "${parley.reactors.log-cleanup-interval:PT30S}")
    void deleteHandledEvents() {
        jdbc.sql("""
                DELETE FROM event_log WHERE (tx, id) <= (SELECT tx, id FROM reactor_cursors WHERE reactor = ANY(?) ORDER BY tx, id LIMIT 1)""")
                .param(names().toArray(String[]::new)).update();
    }
}
