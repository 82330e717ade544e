package org.switchboard.crm.odoo;

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

/** Requests as the core's outbox makes them, for the recorded customers. */
public final class Requests {
    public static final Instant AT = Instant.parse("2026-11-22T16:10:00Z");

    private Requests() {
    }

    /** Ivan Petrov (partner 29), as Switchboard knows him after a lookup matched him. */
    public static Customer ivan(String connectorId) {
        return new Customer(7, "Ivan Petrov", List.of(Address.phone("+74951234567")),
                List.of(new CrmRef(connectorId, "res.partner", "29", null)), AT);
    }

    /** A caller nobody knows, in Switchboard or in Odoo. */
    public static Customer stranger() {
        return new Customer(8, null, List.of(Address.phone("+4930111222333")), List.of(), AT);
    }

    public static TicketRequest ticket(String key, Customer customer) {
        return new TicketRequest(key, customer, 41, 101, Channel.VOICE, "Inbound call: delivery delayed",
                "Order 4711 not delivered.\nCustomer asks for a callback <today>.", AT);
    }

    public static ActivityRequest activity(String key, TicketRef ticket, Customer customer, long interactionId) {
        return new ActivityRequest(key, ticket, customer, interactionId, ActivityKind.CALL, Channel.VOICE,
                Direction.INBOUND, "Call about order 4711", "Customer <b>angry</b> & wants a refund", "1001",
                AT.plusSeconds(interactionId));
    }
}
