package org.switchboard.api.service;

import java.time.Instant;
import org.switchboard.api.TicketRef;

/**
 * A conversation's ticket as Switchboard knows it.
 *
 * @param conversationId the conversation it stands for
 * @param customerId     whose it is
 * @param subject        the conversation's subject
 * @param ref            the ticket in its CRM
 * @param createdAt      when the CRM opened it
 * @param updatedAt      when its status last changed
 */
public record Ticket(long conversationId, long customerId, String subject, TicketRef ref, Instant createdAt,
                     Instant updatedAt) {
}
