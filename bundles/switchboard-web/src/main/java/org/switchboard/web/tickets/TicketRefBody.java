package org.switchboard.web.tickets;

import org.switchboard.api.TicketRef;

/** {@code {"connectorId","externalId","number","status","url"}}. */
public record TicketRefBody(String connectorId, String externalId, String number, String status, String url) {

    public static TicketRefBody of(TicketRef ref) {
        return ref == null ? null : new TicketRefBody(ref.connectorId(), ref.externalId(), ref.number(), ref.status(),
                ref.url());
    }
}
