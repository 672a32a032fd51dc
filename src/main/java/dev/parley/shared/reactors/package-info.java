/**
 * Delivery of events to the reactors (automation, assignment, reporting, webhooks, notifications, inbox membership),
 * built for throughput: {@link dev.parley.shared.reactors.EventLog} appends every event a reactor listens to once,
 * in one statement, in the transaction that caused it; each reactor reads the log in batches past its own cursor
 * ({@code reactor_cursors}) and advances the cursor in the transaction that handled the batch
 * ({@link dev.parley.shared.reactors.ReactorLoop}). One transaction per batch instead of one per event and listener
 * plus the registry's bookkeeping; nothing lost on a crash (the cursor did not move); one node at a time per reactor
 * (an advisory lock held by the batch); failed events retried apart ({@code reactor_failures}). A reactor skips, without
 * decoding them, the events it has no method for, and can do once per batch what its events ask for
 * ({@link dev.parley.shared.reactors.AfterBatch}: one multi-row insert, one routing of an inbox); a reactor with its own
 * transactions can read once what a batch's events need ({@link dev.parley.shared.reactors.BeforeBatch}: the automation
 * reactor's conversations, contacts and messages).
 */
package dev.parley.shared.reactors;
