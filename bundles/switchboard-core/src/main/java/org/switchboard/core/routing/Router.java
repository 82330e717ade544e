package org.switchboard.core.routing;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Routing as contact processing sees it. So that a contact an agent is free for costs one commit
 * fewer on its way to the screen pop, processing asks for agents before its transaction and
 * writes the offers in it; routing holds those agents' room meanwhile.
 */
public interface Router {

    /**
     * Agents to offer these interactions to in the processing transaction itself, each held for its
     * interaction until {@link #enqueued} or {@link #release} settles it. An interaction gets one only
     * if routing chooses its own agents, its queue has nobody waiting (so that it does not pass them)
     * and an agent has room for it now. Waits briefly for the routing thread; empty when it is busy.
     *
     * @param candidates interactions about to be queued, with the queue each will enter
     * @return agent ids by interaction id
     */
    Map<Long, String> reserve(List<QueuedItem> candidates);

    /** Gives back agents reserved for interactions that were not offered after all (the transaction failed, or did not queue them). */
    void release(Collection<Long> interactionIds);

    /**
     * The interactions that processing queued or offered (and the channel-routed ones it identified),
     * after its commit. The offered ones take over their reservations; unused ones must have been given
     * back with {@link #release} first. Never blocks.
     */
    void enqueued(List<QueuedItem> items);
}
