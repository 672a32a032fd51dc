package dev.parley.automation.application;

import dev.parley.automation.persistence.RuleRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The active rules of each account, compiled once and kept in memory. Every event asks the database for
 * the account's rules version (one primary-key read), which a trigger bumps in the transaction of every
 * change to the account's rules; on any other version the rules are read and compiled again. So every
 * node sees a change as soon as it is committed, and nothing authoritative lives only in memory.
 */
@Component
class ActiveRules {

    private record Compiled(long version, Map<String, List<CompiledRule>> byEvent, List<CompiledRule> timed) {
    }

    private final RuleRepository rules;
    private final Map<Long, Compiled> byAccount = new ConcurrentHashMap<>();

    ActiveRules(RuleRepository rules) {
        this.rules = rules;
    }

    /** The account's active rules that run at the event, in running order (position, then id). */
    List<CompiledRule> of(long accountId, String eventName) {
        return current(accountId).byEvent().getOrDefault(eventName, List.of());
    }

    /** The account's active timed rules (an execution_delay or a time condition), in running order. */
    List<CompiledRule> timed(long accountId) {
        return current(accountId).timed();
    }

    private Compiled current(long accountId) {
        long version = rules.version(accountId);
        Compiled compiled = byAccount.get(accountId);
        if (compiled == null || compiled.version() != version) {
            // the version is read before the rules: a change committed in between is seen as a newer version next time
            List<CompiledRule> active = rules.allActive(accountId).stream().map(CompiledRule::of).toList();
            compiled = new Compiled(version, compile(active.stream().filter(r -> !r.timed()).toList()),
                    active.stream().filter(CompiledRule::timed).toList());
            byAccount.put(accountId, compiled);
        }
        return compiled;
    }

    private static Map<String, List<CompiledRule>> compile(List<CompiledRule> active) {
        return active.stream().collect(Collectors.groupingBy(r -> r.view().eventName(),
                Collectors.collectingAndThen(Collectors.toCollection(ArrayList::new), List::copyOf)));
    }
}
