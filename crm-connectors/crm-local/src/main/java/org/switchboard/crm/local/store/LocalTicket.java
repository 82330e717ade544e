package org.switchboard.crm.local.store;

import java.time.Instant;

/**
 * A ticket as the local CRM stores it.
 *
 * @param id             the database id, which is the ticket's {@code externalId} in a {@link org.switchboard.api.TicketRef}
 * @param number         what people read, e.g. {@code SB-000123}
 * @param conversationId Switchboard's conversation it stands for, or {@code null}
 * @param customerId     whose ticket it is (a customer of the core's identity index)
 * @param subject        its title
 * @param status         {@code open}, {@code pending} or {@code closed}
 * @param createdAt      when it was opened
 * @param updatedAt      when its status or activity log last changed
 */
public record LocalTicket(long id, String number, Long conversationId, long customerId, String subject, String status,
                          Instant createdAt, Instant updatedAt) {
}
