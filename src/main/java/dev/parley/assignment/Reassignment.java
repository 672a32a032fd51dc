package dev.parley.assignment;

import dev.parley.assignment.application.AutoAssignment;
import dev.parley.shared.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Moves a conversation from its agent to another online agent with room (a rule's return timer), explained in "Why?". */
@Service
public class Reassignment {

    private final AutoAssignment assignment;

    Reassignment(AutoAssignment assignment) {
        this.assignment = assignment;
    }

    /** In the caller's transaction; {@code why} opens the routing decision ("no reply from Alan for 10 minutes"). */
    @Transactional(propagation = Propagation.MANDATORY)
    public String toAnotherOnlineAgent(long conversationId, String why, Actor actor) {
        return assignment.reassignAway(conversationId, why, actor);
    }
}
