package org.switchboard.web.outbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.ConflictException;
import org.switchboard.api.service.Outbox;
import org.switchboard.api.service.OutboxCommand;
import org.switchboard.web.rest.Params;
import org.switchboard.web.rest.RestResource;

/** {@code /outbox}: CRM and channel writes; see what failed and send it again (admin). */
@Component(service = OutboxResource.class,
        property = {RestResource.PROPERTY + "=true", RestResource.OPENAPI + "=" + RestResource.WEB_OPENAPI})
@Path("/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({RestResource.SUPERVISOR, RestResource.ADMIN})
public final class OutboxResource {
    private final Outbox outbox;

    @Activate
    public OutboxResource(@Reference Outbox outbox) {
        this.outbox = outbox;
    }

    /** Commands in {@code state} (FAILED when absent), newest first. */
    @GET
    public List<OutboxCommandBody> listOutbox(@QueryParam("state") String state, @QueryParam("limit") String limit) {
        OutboxCommand.State wanted = Params.optionalEnum("state", state, OutboxCommand.State.class);
        return outbox.list(wanted == null ? OutboxCommand.State.FAILED : wanted, Params.limit(limit)).stream()
                .map(OutboxCommandBody::of).toList();
    }

    /** Runs a FAILED command again; 409 when it is not FAILED. */
    @POST
    @Path("/{id}/retry")
    @RolesAllowed(RestResource.ADMIN)
    @Operation(summary = "Run a failed command again", responses = @ApiResponse(responseCode = "202",
            description = "put back to run", content = @Content(schema = @Schema(implementation = Retried.class))))
    public Response retryCommand(@PathParam("id") long id) {
        if (!outbox.retry(id)) {
            throw new ConflictException("outbox command " + id + " is not FAILED");
        }
        return Response.accepted(new Retried(1)).build();
    }

    /** Runs every FAILED command again. */
    @POST
    @Path("/retry-failed")
    @RolesAllowed(RestResource.ADMIN)
    @Operation(summary = "Run every failed command again", responses = @ApiResponse(responseCode = "202",
            description = "how many were put back to run",
            content = @Content(schema = @Schema(implementation = Retried.class))))
    public Response retryFailedCommands() {
        return Response.accepted(new Retried(outbox.retryAllFailed())).build();
    }
}
