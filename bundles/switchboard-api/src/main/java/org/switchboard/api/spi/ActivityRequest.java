package org.switchboard.api.spi;

import java.time.Instant;
import org.switchboard.api.Channel;
import org.switchboard.api.Customer;
import org.switchboard.api.Direction;
import org.switchboard.api.TicketRef;

/**
 * Record one interaction on the customer's CRM record and on the ticket.
 *
 * @param idempotencyKey the same for every attempt: a connector logs each key once
 * @param ticket         the conversation's ticket in this connector, or {@code null} if it has none
 * @param customer       whose interaction it was, with their CRM references
 * @param interactionId  Switchboard's interaction
 * @param kind           call, email, message or note
 * @param channel        the channel
 * @param direction      inbound or outbound
 * @param subject        a one-line summary
 * @param body           the text (message, email body, call notes), or {@code null}
 * @param agentId        the agent who handled it, or {@code null}
 * @param occurredAt     when it happened
 */
public record ActivityRequest(String idempotencyKey, TicketRef ticket, Customer customer, long interactionId,
                              ActivityKind kind, Channel channel, Direction direction, String subject, String body,
                              String agentId, Instant occurredAt) {
    public ActivityRequest {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("idempotencyKey is required");
        }
        if (customer == null || kind == null || channel == null || direction == null || occurredAt == null) {
            throw new IllegalArgumentException("customer, kind, channel, direction and occurredAt are required");
        }
    }
}
