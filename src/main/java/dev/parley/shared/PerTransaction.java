package dev.parley.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read once per transaction: a reactor handles a whole batch of events in one transaction, so what every event
 * of the batch looks up the same way (an account's webhooks, say) is read for the first and remembered for the
 * others, and forgotten when the transaction ends. Outside a transaction nothing is remembered. An inner
 * transaction (REQUIRES_NEW) starts with nothing remembered and the outer one's values come back after it.
 */
public final class PerTransaction<K, V> {

    public V get(K key, Function<K, V> load) {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return load.apply(key);
        }
        Map<K, V> values = values();
        V value = values.get(key);
        if (value == null) {
            value = load.apply(key);
            values.put(key, value);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private Map<K, V> values() {
        Map<K, V> values = (Map<K, V>) TransactionSynchronizationManager.getResource(this);
        if (values != null) return values;
        Map<K, V> fresh = new HashMap<>();
        TransactionSynchronizationManager.bindResource(this, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResourceIfPossible(PerTransaction.this);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(PerTransaction.this, fresh);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(PerTransaction.this);
            }
        });
        return fresh;
    }
}
