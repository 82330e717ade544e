package org.switchboard.api;

import java.time.Instant;

/**
 * Interactions that belong together: an email thread, a chat session, the follow-ups of one
 * matter. One conversation has at most one ticket per CRM; {@link #ticket()} is the primary one.
 *
 * @param id             Switchboard's id
 * @param customerId     whose conversation it is
 * @param channel        the channel it started on
 * @param subject        its subject, from the first contact
 * @param createdAt      when it started
 * @param lastActivityAt when the latest contact joined it
 * @param ticket         its ticket, once the CRM created it, or {@code null}
 */
public record Conversation(long id, long customerId, Channel channel, String subject, Instant createdAt,
                           Instant lastActivityAt, TicketRef ticket) {
    public Conversation {
        Checks.notNull("channel", channel);
        Checks.notNull("createdAt", createdAt);
        Checks.notNull("lastActivityAt", lastActivityAt);
    }
}
