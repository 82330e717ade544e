package org.switchboard.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of one contact: NEW → QUEUED → OFFERED → ACTIVE → WRAP_UP → CLOSED, or MISSED /
 * ABANDONED when nobody took it.
 */
public enum InteractionState {
    /** Stored, not yet identified, threaded and routed. */
    NEW,
    /** Waiting in a queue for an agent. */
    QUEUED,
    /** Offered to (ringing at) one agent, who may accept or decline. */
    OFFERED,
    /** An agent is handling it. */
    ACTIVE,
    /** The customer part is over; the agent is finishing notes and disposition. */
    WRAP_UP,
    /** Done. */
    CLOSED,
    /** Nobody answered it (a call that rang out, a contact that expired in the queue). */
    MISSED,
    /** The customer gave up while waiting (hung up in the queue). */
    ABANDONED;

    /** No transition leaves a final state. */
    public boolean isFinal() {
        return this == CLOSED || this == MISSED || this == ABANDONED;
    }

    /** The states this one may move to. */
    public Set<InteractionState> next() {
        return switch (this) {
            case NEW -> EnumSet.of(QUEUED, OFFERED, ACTIVE, CLOSED, MISSED, ABANDONED);
            case QUEUED -> EnumSet.of(OFFERED, ACTIVE, CLOSED, MISSED, ABANDONED);
            case OFFERED -> EnumSet.of(QUEUED, OFFERED, ACTIVE, CLOSED, MISSED, ABANDONED);
            case ACTIVE -> EnumSet.of(WRAP_UP, CLOSED);
            case WRAP_UP -> EnumSet.of(CLOSED);
            case CLOSED, MISSED, ABANDONED -> EnumSet.noneOf(InteractionState.class);
        };
    }

    public boolean canMoveTo(InteractionState target) {
        return next().contains(target);
    }
}
