/**
 * Durable timers in PostgreSQL: {@link dev.parley.shared.timers.Timers} arms, moves and cancels them inside the
 * caller's transaction; {@link dev.parley.shared.timers.TimerPoller} (every node) claims due ones in batches and
 * fires each once through the {@link dev.parley.shared.timers.TimerHandler} of its kind, which re-checks the
 * present before acting. The modules that own what a timer does (automation's delayed rules, the conversation's
 * scheduled messages) implement the handlers; this package knows nothing of them.
 */
package dev.parley.shared.timers;
