package dev.parley.assignment.domain;

import java.util.Map;

/** The outcome of routing one conversation: who was chosen (or nobody), why, and every candidate's verdict. */
public record Selection(Candidate chosen, String reason, Map<Long, Verdict> verdicts) {

    public boolean assigned() {
        return chosen != null;
    }
}
