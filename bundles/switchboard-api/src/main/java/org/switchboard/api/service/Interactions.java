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

    /**
     * Sends the agent's reply to the customer on the interaction's own channel, from the entry point
     * it came in on (the mailbox, the bot), threaded to it. The reply is stored as an outbox command
     * in the same transaction and returns at once; the outbox hands it to the
     * {@link org.switchboard.api.spi.ChannelSender} of that channel and entry point, retries it while
     * the channel fails and shows it as failed when it never goes out. Only the agent the interaction
     * is assigned to may reply.
     *
     * @return the queued command (kind {@code SEND_REPLY})
     * @throws org.switchboard.api.NotFoundException  no such interaction
     * @throws org.switchboard.api.ConflictException  the interaction is another agent's, or has no
     *                                                 customer address to answer to
     * @throws IllegalArgumentException               an empty or oversized body
     */
    OutboxCommand reply(long id, String agentId, String body);
}
