package org.switchboard.crm.local.rest;

import java.util.List;
import org.switchboard.crm.local.TicketLinks;
import org.switchboard.crm.local.store.LocalEntry;
import org.switchboard.crm.local.store.LocalTicket;

/**
 * One ticket with its activity log, as {@code GET /local-crm/tickets/{number}} writes it. Times are
 * ISO-8601 strings.
 */
public record TicketView(long id, String number, String status, String subject, long customerId,
                         Long conversationId, String createdAt, String updatedAt, String url,
                         List<EntryView> entries) {

    static TicketView of(LocalTicket ticket, List<LocalEntry> entries, TicketLinks links) {
        return new TicketView(ticket.id(), ticket.number(), ticket.status(), ticket.subject(), ticket.customerId(),
                ticket.conversationId(), ticket.createdAt().toString(), ticket.updatedAt().toString(),
                links.ticket(ticket.number()), entries.stream().map(EntryView::of).toList());
    }
}
