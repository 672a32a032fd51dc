package dev.parley.automation.application;

import dev.parley.automation.persistence.ExecutionRepository;
import dev.parley.automation.persistence.ExecutionRepository.Unclaimed;
import dev.parley.automation.persistence.ExecutionRepository.EventRun;
import dev.parley.automation.persistence.ExecutionRepository.RuleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;

/**
 * The explain logs of a reactor batch's events where no action is due (no rule matched, or the event was caused by a
 * rule), kept until the batch's events have all been evaluated and then written in one statement, which is also
 * their claim. Such a run changes nothing but its log row, so writing it late loses nothing: should the node stop
 * before the write, the batch is done again and the events are evaluated again. Each run remembers the rules version
 * it was evaluated with: when an account's rules moved past it (a change this node had not heard of when it
 * evaluated), nothing is written and the batch fails, to be done again with the current rules (the events that acted
 * keep their claims, so only the others are evaluated again). Filled from the reactor's threads.
 */
final class UnclaimedRuns {

    /** An account's rules changed since the batch's runs were evaluated; the batch is done again. */
    static final class RulesChangedDuringBatch extends IllegalStateException {
        RulesChangedDuringBatch(Map<Long, Long> accounts) {
            super("Automation rules changed while a batch was evaluated (account=version evaluated: " + accounts + "); the batch is evaluated again");
        }
    }

    private record Kept(Unclaimed run, long rulesVersion) {
    }

    private final ConcurrentLinkedQueue<Kept> pending = new ConcurrentLinkedQueue<>();

    /** Forgets what a batch that failed before its write had kept. */
    void clear() {
        pending.clear();
    }

    void record(EventRun run, List<RuleEntry> entries, long rulesVersion) {
        pending.add(new Kept(new Unclaimed(run, entries, List.of(), null), rulesVersion));
    }

    void recordSkipped(EventRun run, List<Long> ruleIds, String why, long rulesVersion) {
        pending.add(new Kept(new Unclaimed(run, List.of(), ruleIds, why), rulesVersion));
    }

    /**
     * Writes what was kept (one statement; an event seen twice is written once) and forgets it; the number of runs
     * written. Throws {@link RulesChangedDuringBatch}, writing nothing, when a run's rules are no longer its account's
     * current ones ({@code forgetRules} first drops the stale rules this node compiled).
     */
    int writeTo(ExecutionRepository executions, BiConsumer<Long, Long> forgetRules) {
        Map<UUID, Kept> byEvent = new LinkedHashMap<>();
        for (Kept k; (k = pending.poll()) != null; ) byEvent.putIfAbsent(k.run().run().eventId(), k);
        if (byEvent.isEmpty()) return 0;
        Map<Long, Long> current = executions.rulesVersions(byEvent.values().stream().map(k -> k.run().run().accountId()).distinct().toList());
        Map<Long, Long> stale = new LinkedHashMap<>();
        for (Kept k : byEvent.values()) {
            long account = k.run().run().accountId();
            if (current.getOrDefault(account, 0L) != k.rulesVersion()) stale.put(account, k.rulesVersion());
        }
        if (!stale.isEmpty()) {
            stale.forEach(forgetRules);
            throw new RulesChangedDuringBatch(stale);
        }
        List<Unclaimed> runs = new ArrayList<>();
        byEvent.values().forEach(k -> runs.add(k.run()));
        return executions.recordAll(runs);
    }
}
