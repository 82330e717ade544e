package org.switchboard.api.spi;

import java.time.Instant;
import org.switchboard.api.Channel;
import org.switchboard.api.Customer;
import org.switchboard.api.Direction;

/**
 * Open a ticket for a new conversation.
 *
 * @param idempotencyKey the same for every attempt of this command: a connector that already made
 *                       a ticket for this key returns that one
 * @param customer       whose ticket it is, with their CRM references
 * @param conversationId Switchboard's conversation the ticket stands for
 * @param interactionId  the interaction that opened it
 * @param channel        the channel it came in on
 * @param subject        the ticket's title
 * @param description    the first contact's text, or {@code null}
 * @param occurredAt     when the first contact happened
 * @param direction      who began: the customer ({@link Direction#INBOUND}) or the business (a call,
 *                       a message to the customer)
 */
public record TicketRequest(String idempotencyKey, Customer customer, long conversationId, long interactionId,
                            Channel channel, String subject, String description, Instant occurredAt, Direction direction) {

    /** A ticket for a conversation the customer began. */
    public TicketRequest(String idempotencyKey, Customer customer, long conversationId, long interactionId,
                         Channel channel, String subject, String description, Instant occurredAt) {
        this(idempotencyKey, customer, conversationId, interactionId, channel, subject, description, occurredAt,
                Direction.INBOUND);
    }

    public TicketRequest {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("idempotencyKey is required");
        }
        if (customer == null || channel == null || occurredAt == null || direction == null) {
            throw new IllegalArgumentException("customer, channel, occurredAt and direction are required");
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject is required");
        }
    }
}
