package dev.parley.shared.reactors;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import dev.parley.shared.JsonCodec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends every event some {@link Reactor} listens to to {@code event_log}: all the events of a transaction in one
 * statement just before it commits (so they commit with the change they announce, or not at all), an event
 * published outside a transaction at once. When the transaction has committed, this node's reactors are woken.
 */
@Component
public class EventLog {

    private final JdbcClient jdbc;
    private final JsonCodec serializer;
    private final Reactors reactors;

    EventLog(JdbcClient jdbc, JsonCodec serializer, Reactors reactors) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.reactors = reactors;
    }

    @EventListener
    void append(Object event) {
        if (event instanceof ApplicationEvent || !reactors.interested(event.getClass())) return;
        if (!TransactionSynchronizationManager.isSynchronizationActive() || !TransactionSynchronizationManager.isActualTransactionActive()) {
            insert(List.of(event));
            reactors.wake();
            return;
        }
        Pending pending = pending();
        if (pending.flushed) insert(List.of(event)); // published by another synchronization's beforeCommit: still in the transaction
        else pending.events.add(event);
    }

    /** This transaction's pending events (synchronizations are suspended with their transaction, unlike bound resources). */
    private Pending pending() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.owner == this) return p;
        }
        Pending pending = new Pending();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    private void insert(List<Object> events) {
        String[] types = new String[events.size()];
        String[] payloads = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            types[i] = events.get(i).getClass().getName();
            payloads[i] = serializer.write(events.get(i));
        }
        jdbc.sql("INSERT INTO event_log (event_type, payload) SELECT * FROM unnest(?::text[], ?::text[])").params(types, payloads).update();
    }

    private final class Pending implements TransactionSynchronization {

        private final EventLog owner = EventLog.this;
        private final List<Object> events = new ArrayList<>();
        private boolean flushed;

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!events.isEmpty()) insert(events);
            flushed = true;
        }

        @Override
        public void afterCommit() {
            reactors.wake();
        }
    }
}
