package org.switchboard.web.tickets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.NotFoundException;
import org.switchboard.api.service.Tickets;
import org.switchboard.web.limits.BoundedBody;
import org.switchboard.web.rest.Params;
import org.switchboard.web.rest.RestResource;

/** {@code /tickets}: the tickets of the connected CRMs; change a status through the outbox. */
@Component(service = TicketsResource.class,
        property = {RestResource.PROPERTY + "=true", RestResource.OPENAPI + "=" + RestResource.WEB_OPENAPI})
@Path("/tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({RestResource.AGENT, RestResource.SUPERVISOR, RestResource.ADMIN})
@BoundedBody
public final class TicketsResource {
    private final Tickets tickets;

    @Activate
    public TicketsResource(@Reference Tickets tickets) {
        this.tickets = tickets;
    }

    /** Newest first; {@code status} filters. */
    @GET
    public List<TicketBody> listTickets(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        return tickets.list(Params.optionalText(status), Params.limit(limit)).stream().map(TicketBody::of).toList();
    }

    @GET
    @Path("/{number}")
    public TicketBody findTicket(@PathParam("number") String number) {
        return tickets.findByNumber(number).map(TicketBody::of).orElseThrow(() -> new NotFoundException("ticket", number));
    }

    /** Asks the ticket's CRM to change its status; the change is applied once the CRM confirms it. */
    @PUT
    @Path("/{number}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a ticket's status", responses = @ApiResponse(responseCode = "202",
            description = "the outbox command that carries the change",
            content = @Content(schema = @Schema(implementation = CommandAccepted.class))))
    public Response changeTicketStatus(@PathParam("number") String number, StatusChange change) {
        String status = change == null ? null : Params.optionalText(change.status());
        if (status == null) {
            throw new InvalidContactException("status", "is required");
        }
        return Response.accepted(new CommandAccepted(tickets.changeStatus(number, status))).build();
    }
}
