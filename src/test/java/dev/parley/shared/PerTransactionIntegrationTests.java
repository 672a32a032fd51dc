package dev.parley.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.IntegrationTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** A value read once per transaction: remembered within it, read again in the next, apart in an inner one. */
class PerTransactionIntegrationTests extends IntegrationTest {

    @Autowired
    PlatformTransactionManager transactions;

    private final PerTransaction<String, Integer> memo = new PerTransaction<>();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void readOncePerTransaction() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        tx.executeWithoutResult(status -> {
            assertThat(read("a")).isEqualTo(1);
            assertThat(read("a")).isEqualTo(1);
            assertThat(read("b")).isEqualTo(2);
            inner.executeWithoutResult(s -> assertThat(read("a")).isEqualTo(3)); // its own
            assertThat(read("a")).isEqualTo(1); // the outer one's again
        });
        tx.executeWithoutResult(status -> assertThat(read("a")).isEqualTo(4)); // forgotten when the transaction ended
        assertThat(read("a")).isEqualTo(5); // outside a transaction: never remembered
        assertThat(read("a")).isEqualTo(6);
    }

    private int read(String key) {
        return memo.get(key, k -> reads.incrementAndGet());
    }
}
