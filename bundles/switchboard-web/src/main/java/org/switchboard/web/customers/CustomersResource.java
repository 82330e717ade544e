package org.switchboard.web.customers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Encoded;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.Address;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.NotFoundException;
import org.switchboard.api.service.Customers;
import org.switchboard.api.service.Tickets;
import org.switchboard.web.interactions.InteractionBody;
import org.switchboard.web.rest.Params;
import org.switchboard.web.rest.RestResource;
import org.switchboard.web.tickets.TicketBody;

/** {@code /customers}: find a customer by address or id, with their history and tickets. */
@Component(service = CustomersResource.class,
        property = {RestResource.PROPERTY + "=true", RestResource.OPENAPI + "=" + RestResource.WEB_OPENAPI})
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({RestResource.AGENT, RestResource.SUPERVISOR, RestResource.ADMIN})
public final class CustomersResource {
    private final Customers customers;
    private final Tickets tickets;

    @Activate
    public CustomersResource(@Reference Customers customers, @Reference Tickets tickets) {
        this.customers = customers;
        this.tickets = tickets;
    }

    /**
     * The customer who owns {@code address}, written {@code kind:value} ({@code phone:+4930123456});
     * a {@code +} in the query stays a plus.
     */
    @GET
    public CustomerBody findCustomerByAddress(@QueryParam("address") @Encoded String address) {
        if (address == null || address.isBlank()) {
            throw new InvalidContactException("address", "is required, written kind:value, e.g. phone:+4930123456");
        }
        Address parsed = Address.parse(URLDecoder.decode(address.replace("+", "%2B"), StandardCharsets.UTF_8));
        return customers.findByAddress(parsed).map(CustomerBody::of)
                .orElseThrow(() -> new javax.ws.rs.NotFoundException("no customer has this address"));
    }

    @GET
    @Path("/{id}")
    public CustomerBody findCustomer(@PathParam("id") long id) {
        return customers.find(id).map(CustomerBody::of).orElseThrow(() -> new NotFoundException("customer", id));
    }

    /** Their interactions on every channel, newest first. */
    @GET
    @Path("/{id}/history")
    public List<InteractionBody> customerHistory(@PathParam("id") long id, @QueryParam("limit") String limit) {
        requireCustomer(id);
        return customers.history(id, Params.limit(limit)).stream().map(InteractionBody::of).toList();
    }

    /** Their tickets, newest first; {@code open=true} leaves out closed ones. */
    @GET
    @Path("/{id}/tickets")
    public List<TicketBody> customerTickets(@PathParam("id") long id, @QueryParam("open") boolean openOnly) {
        requireCustomer(id);
        return tickets.ofCustomer(id, openOnly).stream().map(TicketBody::of).toList();
    }

    private void requireCustomer(long id) {
        if (customers.find(id).isEmpty()) {
            throw new NotFoundException("customer", id);
        }
    }
}
