package dev.parley.automation.application;

import dev.parley.automation.persistence.ExecutionRepository;
import dev.parley.automation.persistence.ExecutionRepository.EventRun;
import dev.parley.automation.persistence.ExecutionRepository.RuleEntry;
import dev.parley.automation.persistence.ExecutionRepository.Unclaimed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The explain logs of a reactor batch's events where no action is due (no rule matched, or the event was caused by a
 * rule), kept until the batch's events have all been evaluated and then written in one statement, which is also
 * their claim. Such a run changes nothing but its log row, so writing it late loses nothing: should the node stop
 * before the write, the batch is done again and the events are evaluated again. Filled from the reactor's threads.
 */
final class UnclaimedRuns {

    private final ConcurrentLinkedQueue<Unclaimed> pending = new ConcurrentLinkedQueue<>();

    void record(EventRun run, List<RuleEntry> entries) {
        pending.add(new Unclaimed(run, entries, List.of(), null));
    }

    void recordSkipped(EventRun run, List<Long> ruleIds, String why) {
        pending.add(new Unclaimed(run, List.of(), ruleIds, why));
    }

    /** Writes what was kept (one statement; an event seen twice is written once) and forgets it; the number of runs written. */
    int writeTo(ExecutionRepository executions) {
        Map<UUID, Unclaimed> byEvent = new LinkedHashMap<>();
        for (Unclaimed u; (u = pending.poll()) != null; ) byEvent.putIfAbsent(u.run().eventId(), u);
        return executions.recordAll(new ArrayList<>(byEvent.values()));
    }
}
