package org.switchboard.api.service;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.switchboard.api.ConflictException;
import org.switchboard.api.Interaction;
import org.switchboard.api.NotFoundException;

/**
 * Interactions: read them, and the agent's side of routing (accept or decline an offer, finish,
 * close with a disposition). Transitions that do not fit the current state throw
 * {@link ConflictException}; unknown ids throw {@link NotFoundException}.
 */
@ProviderType
public interface Interactions {

    Optional<InteractionDetails> find(long id);

    List<Interaction> list(InteractionFilter filter);

    /** The agent takes the interaction offered to them: OFFERED → ACTIVE. */
    Interaction accept(long id, String agentId);

    /** The agent turns the offer down; it goes back to its queue and to the next agent. */
    Interaction decline(long id, String agentId);

    /** The customer part is over: ACTIVE → WRAP_UP. */
    Interaction finish(long id, String agentId);

    /** Done, with the agent's disposition code: ACTIVE or WRAP_UP → CLOSED. */
    Interaction close(long id, String agentId, String disposition);
}
