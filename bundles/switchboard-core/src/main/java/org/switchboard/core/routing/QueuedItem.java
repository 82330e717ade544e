package org.switchboard.core.routing;

import java.time.Instant;
import org.switchboard.api.Channel;
import org.switchboard.api.Interaction;
import org.switchboard.api.RoutingMode;

/**
 * A processed contact's interaction, handed to routing: before the processing transaction, to
 * reserve an agent ({@link Router#reserve}), and after its commit.
 *
 * @param interactionId the interaction
 * @param channel       its channel
 * @param routing       who routes it
 * @param queueId       the queue it entered ({@code null} for one the channel routes)
 * @param queuedAt      when it entered
 * @param originNanos   when its contact entered the JVM, for pop latency; 0 if unknown
 * @param targetAgent   the agent who started it and gets it directly (an agent's own call), or {@code null}
 * @param offered       the interaction as the processing transaction offered it to the agent routing
 *                      reserved, or {@code null} when it was not offered there
 */
public record QueuedItem(long interactionId, Channel channel, RoutingMode routing, String queueId, Instant queuedAt,
                         long originNanos, String targetAgent, Interaction offered) {

    /** An item for routing to choose the agent of. */
    public QueuedItem(long interactionId, Channel channel, RoutingMode routing, String queueId, Instant queuedAt,
                      long originNanos) {
        this(interactionId, channel, routing, queueId, queuedAt, originNanos, null, null);
    }
}
