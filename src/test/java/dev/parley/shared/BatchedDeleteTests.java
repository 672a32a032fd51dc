package dev.parley.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The batch loop stops at the first short batch or after the most batches allowed, and adds up what went. */
class BatchedDeleteTests {

    @Test
    void stopsAtTheFirstShortBatch() {
        var answers = new ArrayDeque<>(List.of(3, 3, 1, 3));
        assertThat(BatchedDelete.repeat(3, 10, answers::pop)).isEqualTo(7);
        assertThat(answers).containsExactly(3);
    }

    @Test
    void stopsAfterTheMostBatchesEvenWhenEveryBatchIsFull() {
        var calls = new AtomicInteger();
        assertThat(BatchedDelete.repeat(5, 4, () -> {
            calls.incrementAndGet();
            return 5;
        })).isEqualTo(20);
        assertThat(calls).hasValue(4);
    }

    @Test
    void anEmptyFirstBatchEndsIt() {
        var calls = new AtomicInteger();
        assertThat(BatchedDelete.repeat(5, 10, () -> {
            calls.incrementAndGet();
            return 0;
        })).isZero();
        assertThat(calls).hasValue(1);
    }
}
