package dev.parley.shared.timers;

/**
 * Fires the timers of one kind. Both methods run in the firing transaction: first {@link #lockSubject} takes the
 * lock the module's own commands take (the conversation row), so the poller then waits for, and sees, any change
 * that would cancel the timer; then {@link #fire} re-checks the present and acts. Whatever it writes commits with
 * the timer's end, or not at all, so an effect toward a customer (a message) happens once.
 */
public interface TimerHandler {

    String kind();

    default void lockSubject(DueTimer timer) {
    }

    TimerResult fire(DueTimer timer);
}
