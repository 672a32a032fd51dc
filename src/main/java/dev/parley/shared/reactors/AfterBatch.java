package dev.parley.shared.reactors;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a {@link Reactor} taking no argument, called once after the {@link Reacts} methods have seen every
 * event of a batch (and after a round of retried failures), before the cursor moves past them: for work that a
 * batch of events needs once, not once per event (routing an inbox's queue, say). It runs in the batch's
 * transaction, or on the reactor's thread outside it for a reactor with its own transactions (unless
 * {@link #inBatchTransaction()}); should it fail, the batch is done again, so it must be idempotent like the rest.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AfterBatch {

    /**
     * For a reactor with its own transactions: run in the batch's transaction all the same, so that what it writes
     * commits with the cursor's move (one commit; written once, as the batch is done again should it fail). Keep such
     * work short: the batch's transaction holds a transaction id from its first write, and no reactor reads past it
     * until it commits.
     */
    boolean inBatchTransaction() default false;
}
