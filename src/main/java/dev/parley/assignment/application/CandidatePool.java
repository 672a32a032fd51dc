package dev.parley.assignment.application;

import dev.parley.assignment.domain.Candidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The inbox's agents as routing sees them during one pass; updated in memory as conversations are handed out. */
final class CandidatePool {

    private final Map<Long, Candidate> byId = new LinkedHashMap<>();

    CandidatePool(List<Candidate> candidates) {
        candidates.forEach(c -> byId.put(c.userId(), c));
    }

    Collection<Candidate> candidates() {
        return new ArrayList<>(byId.values());
    }

    void assigned(Candidate chosen, Instant at) {
        byId.put(chosen.userId(), byId.get(chosen.userId()).withOneMore(at));
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }
}
