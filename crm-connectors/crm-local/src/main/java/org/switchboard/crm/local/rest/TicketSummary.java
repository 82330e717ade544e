package org.switchboard.crm.local.rest;

import org.switchboard.crm.local.TicketLinks;
import org.switchboard.crm.local.store.LocalTicket;

/** A ticket in a list, without its activity log; {@code url} shows it with the log. Times are ISO-8601 strings. */
public record TicketSummary(long id, String number, String status, String subject, long customerId,
                            Long conversationId, String createdAt, String updatedAt, String url) {

    static TicketSummary of(LocalTicket ticket, TicketLinks links) {
        return new TicketSummary(ticket.id(), ticket.number(), ticket.status(), ticket.subject(), ticket.customerId(),
                ticket.conversationId(), ticket.createdAt().toString(), ticket.updatedAt().toString(),
                links.ticket(ticket.number()));
    }
}
