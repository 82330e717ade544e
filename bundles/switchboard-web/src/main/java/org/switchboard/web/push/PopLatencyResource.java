package org.switchboard.web.push;

import io.swagger.v3.oas.annotations.Operation;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.switchboard.web.rest.RestResource;

/**
 * {@code /pops/latency}: how long screen pops took from the triggering request entering the JVM to
 * the frame written to the agent's stream, over the latest samples ({@code DELETE} starts afresh).
 */
@Path("/pops/latency")
@Produces(MediaType.APPLICATION_JSON)
public final class PopLatencyResource {
    private final PopLatency latency;

    public PopLatencyResource(PopLatency latency) {
        this.latency = latency;
    }

    @GET
    @RolesAllowed({RestResource.SUPERVISOR, RestResource.ADMIN})
    @Operation(summary = "Screen-pop latency percentiles: {\"samples\",\"p50Millis\",\"p99Millis\",\"maxMillis\"}")
    public PopLatency.Summary popLatency() {
        return latency.summary();
    }

    @DELETE
    @RolesAllowed(RestResource.ADMIN)
    @Operation(summary = "Forget the samples so far")
    public void resetPopLatency() {
        latency.reset();
    }
}
