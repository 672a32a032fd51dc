package dev.parley.shared.timers;

/** What a handler did with a due timer: fired (its effect happened) or skipped (the present no longer called for it). */
public record TimerResult(boolean fired, String outcome) {

    public static TimerResult fired(String outcome) {
        return new TimerResult(true, outcome);
    }

    public static TimerResult skipped(String why) {
        return new TimerResult(false, why);
    }
}
