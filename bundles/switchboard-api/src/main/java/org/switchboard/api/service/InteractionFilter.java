package org.switchboard.api.service;

import org.switchboard.api.Channel;
import org.switchboard.api.InteractionState;

/**
 * Which interactions to list; {@code null} fields do not filter. Newest first.
 *
 * @param state      only in this state
 * @param queueId    only of this queue
 * @param agentId    only of this agent
 * @param channel    only of this channel
 * @param customerId only of this customer
 * @param limit      at most this many (1 to 1000)
 */
public record InteractionFilter(InteractionState state, String queueId, String agentId, Channel channel,
                                Long customerId, int limit) {
    public static final int MAX_LIMIT = 1000;

    public InteractionFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    public static InteractionFilter latest(int limit) {
        return new InteractionFilter(null, null, null, null, null, limit);
    }
}
