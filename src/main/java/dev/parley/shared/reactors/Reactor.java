package dev.parley.shared.reactors;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean that reacts to events through the {@link EventLog}: its {@link Reacts} methods receive, in order,
 * every event appended after its cursor, a batch at a time, on a thread of its own (named {@code reactor-<name>}).
 * The batch and the cursor's advance are one transaction, which the methods join (so they run exactly once per
 * event), unless {@link #ownTransactions()}: then they run outside it and open their own, and must be idempotent.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Reactor {

    /** The reactor's name: its cursor, its thread, its metrics' {@code reactor} tag. */
    String value();

    /** The methods open their own transactions (and are idempotent) instead of joining the batch's. */
    boolean ownTransactions() default false;
}
