package dev.parley.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes in batches until a batch comes back short, so that no statement holds its locks for long. Several nodes
 * doing it at once is harmless: each batch takes whatever is still there.
 */
public final class BatchedDelete {

    /** Rows one statement of {@link #rowsBefore} deletes at the most. */
    public static final int ROWS = 10_000;

    private BatchedDelete() {
    }

    /**
     * Deletes the rows of {@code table} whose {@code column} is before the cut-off, {@link #ROWS} at a time; the table
     * needs an {@code id} key. Table and column are the caller's constants, never input. Returns how many rows went.
     */
    public static long rowsBefore(JdbcClient jdbc, String table, String column, Instant cutOff) {
        String sql = "DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table + " WHERE " + column + " < ? LIMIT ?)";
        return repeat(ROWS, Integer.MAX_VALUE, () -> jdbc.sql(sql).params(Timestamp.from(cutOff), ROWS).update());
    }

    /**
     * Runs {@code batch} (it deletes at most {@code size} things and answers how many) until it deletes fewer than
     * {@code size} or has run {@code maxBatches} times; what is left then waits for the next run. Returns the total.
     */
    public static long repeat(int size, int maxBatches, IntSupplier batch) {
        long total = 0;
        for (int round = 0; round < maxBatches; round++) {
            int deleted = batch.getAsInt();
            total += deleted;
            if (deleted < size) break;
        }
        return total;
    }
}
