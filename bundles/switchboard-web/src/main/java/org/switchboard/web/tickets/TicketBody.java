package org.switchboard.web.tickets;

import java.time.Instant;
import org.switchboard.api.service.Ticket;

/** A conversation's ticket: its number, status and CRM link, and what it is about. */
public record TicketBody(String number, String status, String connectorId, String externalId, String url,
                         long conversationId, long customerId, String subject, Instant createdAt, Instant updatedAt) {

    public static TicketBody of(Ticket ticket) {
        return new TicketBody(ticket.ref().number(), ticket.ref().status(), ticket.ref().connectorId(),
                ticket.ref().externalId(), ticket.ref().url(), ticket.conversationId(), ticket.customerId(),
                ticket.subject(), ticket.createdAt(), ticket.updatedAt());
    }
}
