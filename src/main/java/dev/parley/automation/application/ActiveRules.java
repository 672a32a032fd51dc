package dev.parley.automation.application;

import dev.parley.automation.persistence.RuleRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The active rules of each account, compiled once and kept in memory, under the account's rules version (which a
 * trigger bumps in the transaction of every change to its rules). {@link #current} reads the version (one
 * primary-key read) and compiles the rules again on any other; {@link #cached} reads nothing, for callers that
 * check the version in a statement they send anyway (the rule runner's claim, see
 * {@code ExecutionRepository.Claim}) and call {@link #forget} when it changed. So every node sees a change as soon
 * as it is committed, and nothing authoritative lives only in memory.
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

    /** The active rules that run at an event, in running order (position, then id), and the rules version they are of. */
    record EventRules(long version, List<CompiledRule> rules) {
    }

    /** The account's active rules that run at the event, in running order (position, then id). */
    List<CompiledRule> of(long accountId, String eventName) {
        return current(accountId, eventName).rules();
    }

    /** As {@link #of}, with the version read now. */
    EventRules current(long accountId, String eventName) {
        Compiled compiled = current(accountId);
        return new EventRules(compiled.version(), compiled.byEvent().getOrDefault(eventName, List.of()));
    }

    /**
     * The rules this node last compiled for the account, without asking the database (null when it has none): the
     * caller must check {@link EventRules#version()} against the database before it trusts what it did with them.
     */
    EventRules cached(long accountId, String eventName) {
        Compiled compiled = byAccount.get(accountId);
        return compiled == null ? null : new EventRules(compiled.version(), compiled.byEvent().getOrDefault(eventName, List.of()));
    }


    /**
     * The account's active timed rules (an execution_delay or a time condition), in running order, at the version this
     * node knows without a read (changes made through Parley reach every node by NOTIFY when they commit): arming
     * timers in a conversation change's transaction costs no read of the version.
     */
    List<CompiledRule> timed(long accountId) {
        return compiled(accountId, rules.knownVersion(accountId)).timed();
    }

    /** Drops the account's compiled rules if they are of {@code version} (a check found the database has others). */
    void forget(long accountId, long version) {
        byAccount.computeIfPresent(accountId, (id, compiled) -> compiled.version() == version ? null : compiled);
        rules.versionMoved(accountId);
    }

    private Compiled current(long accountId) {
        return compiled(accountId, rules.version(accountId));
    }

    private Compiled compiled(long accountId, long version) {
        Compiled compiled = byAccount.get(accountId);
        // versions only grow: rules compiled at a newer version than the one given (a node's known version can lag) are kept
        if (compiled == null || compiled.version() < version) {
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
