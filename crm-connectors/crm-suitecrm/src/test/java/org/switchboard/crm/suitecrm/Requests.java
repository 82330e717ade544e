package org.switchboard.crm.suitecrm;

import java.time.Instant;
import java.util.List;
import org.switchboard.api.Address;
import org.switchboard.api.Channel;
import org.switchboard.api.CrmRef;
import org.switchboard.api.Customer;
import org.switchboard.api.Direction;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.ActivityKind;
import org.switchboard.api.spi.ActivityRequest;
import org.switchboard.api.spi.TicketRequest;

/** Requests as the core's outbox makes them, for Ivan Petrov of the recorded exchanges. */
final class Requests {
    static final Instant OCCURRED_AT = Instant.parse("2026-11-22T16:01:22Z");

    private Requests() {
    }

    static Customer customer(String contactId) {
        List<CrmRef> refs = contactId == null ? List.of()
                : List.of(new CrmRef(TestSettings.ID, "Contacts", contactId, null));
        return new Customer(7, "Ivan Petrov", List.of(Address.phone("+74951234567")), refs,
                Instant.parse("2026-11-01T09:00:00Z"));
    }

    static TicketRequest ticket(String key, Customer customer) {
        return new TicketRequest(key, customer, 11, 110, Channel.VOICE, "Inbound call: delivery delayed",
                "Order 4711 not delivered.", OCCURRED_AT);
    }

    static ActivityRequest call(String key, TicketRef ticket, Customer customer) {
        return new ActivityRequest(key, ticket, customer, 111, ActivityKind.CALL, Channel.VOICE, Direction.INBOUND,
                "Inbound call +74951234567", "Answered by agent 1001 after 2 s", "alice", OCCURRED_AT);
    }

    static ActivityRequest message(String key, TicketRef ticket, Customer customer) {
        return new ActivityRequest(key, ticket, customer, 112, ActivityKind.MESSAGE, Channel.TELEGRAM,
                Direction.OUTBOUND, null, "The courier comes tomorrow.", "alice", OCCURRED_AT.plusSeconds(60));
    }
}
