package org.switchboard.web.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.service.HealthReport;
import org.switchboard.api.service.HealthService;
import org.switchboard.api.spi.Health;
import org.switchboard.web.rest.RestResource;

/** {@code GET /health}: every health check; 503 when Switchboard is DOWN. Public. */
@Component(service = HealthResource.class,
        property = {RestResource.PROPERTY + "=true", RestResource.OPENAPI + "=" + RestResource.WEB_OPENAPI})
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public final class HealthResource {
    private final HealthService health;

    @Activate
    public HealthResource(@Reference HealthService health) {
        this.health = health;
    }

    @GET
    @Operation(summary = "Whether Switchboard works, check by check", responses = {
            @ApiResponse(responseCode = "200", description = "UP or DEGRADED",
                    content = @Content(schema = @Schema(implementation = HealthBody.class))),
            @ApiResponse(responseCode = "503", description = "DOWN",
                    content = @Content(schema = @Schema(implementation = HealthBody.class)))})
    public Response health() {
        HealthReport report = health.report();
        int status = report.status() == Health.Status.DOWN ? 503 : 200;
        return Response.status(status).entity(HealthBody.of(report)).build();
    }
}
