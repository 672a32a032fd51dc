package dev.parley.shared.reactors;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a {@link Reactor} with its own transactions taking a {@code List<Object>}: called with the batch's events
 * that the reactor takes (each conversation's in their order), before any {@link Reacts} method sees them, on the reactor's thread outside any
 * transaction: for reads a batch needs once, not once per event (the conversations the events are about, say). Should
 * it fail, the batch is done again. Retried failures come one at a time, without it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface BeforeBatch {
}
