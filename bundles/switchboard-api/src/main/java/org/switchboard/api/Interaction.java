package org.switchboard.api;

import java.time.Duration;
import java.time.Instant;

/**
 * One contact's life in the contact center, with the timestamps every KPI is computed from.
 *
 * @param id             Switchboard's id
 * @param contactId      the stored {@link InboundContact} (0 for an outbound interaction without one)
 * @param channel        the channel
 * @param direction      inbound or outbound
 * @param state          where it is now
 * @param customerId     the customer, once identified ({@code null} before)
 * @param conversationId the conversation, once threaded ({@code null} before)
 * @param queueId        the queue it waits or waited in ({@code null} before routing)
 * @param agentId        the agent it is offered to or handled by ({@code null} if none)
 * @param summary        first line of subject or body, for lists
 * @param createdAt      when it was accepted
 * @param queuedAt       when it entered its queue
 * @param offeredAt      when it was last offered to an agent
 * @param answeredAt     when an agent took it
 * @param endedAt        when the customer part ended (hang-up, agent finished)
 * @param closedAt       when it reached a final state
 * @param disposition    the wrap-up code the agent chose
 * @param endReason      why it ended, if it did
 */
public record Interaction(
        long id,
        long contactId,
        Channel channel,
        Direction direction,
        InteractionState state,
        Long customerId,
        Long conversationId,
        String queueId,
        String agentId,
        String summary,
        Instant createdAt,
        Instant queuedAt,
        Instant offeredAt,
        Instant answeredAt,
        Instant endedAt,
        Instant closedAt,
        String disposition,
        EndReason endReason) {

    public Interaction {
        Checks.notNull("channel", channel);
        Checks.notNull("direction", direction);
        Checks.notNull("state", state);
        Checks.notNull("createdAt", createdAt);
    }

    /** How long the customer waited before an agent answered, or has been waiting until {@code now}. */
    public Duration waitTime(Instant now) {
        Instant start = queuedAt != null ? queuedAt : createdAt;
        Instant end = answeredAt != null ? answeredAt : endedAt != null ? endedAt : closedAt != null ? closedAt : now;
        return end.isBefore(start) ? Duration.ZERO : Duration.between(start, end);
    }
}
