package org.switchboard.crm.local;

import java.time.Instant;
import java.util.List;
import org.switchboard.api.Address;
import org.switchboard.api.Channel;
import org.switchboard.api.Customer;
import org.switchboard.api.Direction;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.ActivityKind;
import org.switchboard.api.spi.ActivityRequest;
import org.switchboard.api.spi.TicketRequest;

/** Requests as the core's outbox makes them, for customer {@value #CUSTOMER_ID}. */
public final class Requests {
    public static final long CUSTOMER_ID = 42;
    public static final Customer CUSTOMER = new Customer(CUSTOMER_ID, "Ada Lovelace",
            List.of(Address.email("ada@example.org")), List.of(), Instant.parse("2026-11-01T09:00:00Z"));
    public static final Instant OCCURRED_AT = Instant.parse("2026-11-22T09:30:00Z");

    private Requests() {
    }

    public static TicketRequest ticket(String key) {
        return new TicketRequest(key, CUSTOMER, 7, 70, Channel.EMAIL, "Printer on fire",
                "Hello,\nthe printer is on fire.", OCCURRED_AT);
    }

    public static ActivityRequest activity(String key, TicketRef ticket, String body) {
        return new ActivityRequest(key, ticket, CUSTOMER, 71, ActivityKind.EMAIL, Channel.EMAIL, Direction.OUTBOUND,
                "Re: Printer on fire", body, "alice", OCCURRED_AT.plusSeconds(600));
    }
}
