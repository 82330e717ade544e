package org.switchboard.crm.local.store;

import java.time.Instant;

/**
 * One entry of the activity log: a call, an email, a message or a note, on a ticket or, without
 * one, on the customer only.
 *
 * @param id            the database id
 * @param ticketId      the ticket it belongs to, or {@code null} for an entry on the customer only
 * @param customerId    whose activity it was
 * @param interactionId Switchboard's interaction it records, or {@code null}
 * @param kind          {@code CALL}, {@code EMAIL}, {@code MESSAGE} or {@code NOTE}
 * @param channel       the channel id, or {@code null}
 * @param direction     {@code INBOUND}, {@code OUTBOUND}, or {@code null} when unknown
 * @param subject       one line, or {@code null}
 * @param body          the text, or {@code null}
 * @param agentId       the agent who handled it, or {@code null}
 * @param occurredAt    when it happened
 * @param createdAt     when the local CRM recorded it
 */
public record LocalEntry(long id, Long ticketId, long customerId, Long interactionId, String kind, String channel,
                         String direction, String subject, String body, String agentId, Instant occurredAt,
                         Instant createdAt) {
}
