package org.switchboard.crm.local.rest;

import java.sql.SQLException;
import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.NotFoundException;
import org.switchboard.api.spi.StoreUnavailableException;
import org.switchboard.crm.local.LocalCrmConfig;
import org.switchboard.crm.local.TicketLinks;
import org.switchboard.crm.local.store.LocalTicket;
import org.switchboard.crm.local.store.TicketStatus;
import org.switchboard.crm.local.store.TicketStore;

/**
 * The local CRM's tickets over REST, below {@code /switchboard/api}: {@code GET /local-crm/tickets/{number}}
 * (the target of every local ticket's deep link) and {@code GET /local-crm/tickets?customer=&status=&limit=}.
 *
 * <p>Contributed to the web bundle's JAX-RS server as a whiteboard resource (service property
 * {@code switchboard.rest.resource=true}, registered under {@code java.lang.Object} as the
 * whiteboard only looks at the property); the web bundle checks the roles and writes the records as JSON.
 */
@Component(service = Object.class, configurationPid = LocalCrmConfig.PID,
        property = "switchboard.rest.resource=true")
@Path("/local-crm/tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "supervisor", "admin"})
public class LocalTicketsResource {
    static final int MAX_LIMIT = 1000;

    private final TicketStore store;
    private final TicketLinks links;

    @Activate
    public LocalTicketsResource(@Reference TicketStore store, LocalCrmConfig config) {
        this(store, TicketLinks.of(config));
    }

    public LocalTicketsResource(TicketStore store, TicketLinks links) {
        this.store = store;
        this.links = links;
    }

    /** The ticket with its activity log, oldest entry first. */
    @GET
    @Path("/{number}")
    public TicketView ticket(@PathParam("number") String number) {
        try {
            LocalTicket ticket = store.findByNumber(number).orElseThrow(() -> new NotFoundException("ticket", number));
            return TicketView.of(ticket, store.entries(ticket.id()), links);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Tickets newest first.
     *
     * @param customer only this customer's (Switchboard's customer id), or everyone's when absent
     * @param status   only in this status ({@code open}, {@code pending}, {@code closed}), or in any when absent
     * @param limit    at most this many, 1 to {@value #MAX_LIMIT}
     */
    @GET
    public List<TicketSummary> tickets(@QueryParam("customer") String customer, @QueryParam("status") String status,
                                       @QueryParam("limit") @DefaultValue("100") int limit) {
        Long customerId = customerId(customer);
        String wanted = status == null || status.isBlank() ? null : TicketStatus.parse(status).orElseThrow(
                () -> new InvalidContactException("status", "must be one of " + TicketStatus.allowed()));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidContactException("limit", "must be within 1.." + MAX_LIMIT);
        }
        try {
            return store.list(customerId, wanted, limit).stream().map(t -> TicketSummary.of(t, links)).toList();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static Long customerId(String customer) {
        if (customer == null || customer.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(customer.strip());
        } catch (NumberFormatException e) {
            throw new InvalidContactException("customer", "must be a customer id (a number)");
        }
    }

    private static StoreUnavailableException unavailable(SQLException e) {
        return new StoreUnavailableException("The local CRM's database could not be read: " + e.getMessage(), e);
    }
}
