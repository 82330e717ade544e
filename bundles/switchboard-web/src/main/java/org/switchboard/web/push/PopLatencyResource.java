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
    private final PopLatency written;
    private final PopLatency delivered;
    private final PopLatency push;

    /**
     * The figures: to the frame written, and, telling the core's share from the push's, to the pop
     * event reaching this bundle ({@code eventDelivered}) and from there to the frame written ({@code push}).
     */
    public record LatencyBody(long samples, double p50Millis, double p99Millis, double maxMillis,
                              PopLatency.Summary eventDelivered, PopLatency.Summary push) {
    }

    /**
     * @param written   from the request entering the JVM to the frame written
     * @param delivered from the request entering the JVM to the pop event handed to this bundle
     * @param push      from the pop event handed to this bundle to the frame written
     */
    public PopLatencyResource(PopLatency written, PopLatency delivered, PopLatency push) {
        this.written = written;
        this.delivered = delivered;
        this.push = push;
    }

    @GET
    @RolesAllowed({RestResource.SUPERVISOR, RestResource.ADMIN})
    @Operation(summary = "Screen-pop latency percentiles: {\"samples\",\"p50Millis\",\"p99Millis\",\"maxMillis\","
            + "\"eventDelivered\":{…},\"push\":{…}}")
    public LatencyBody popLatency() {
        PopLatency.Summary toFrame = written.summary();
        return new LatencyBody(toFrame.samples(), toFrame.p50Millis(), toFrame.p99Millis(), toFrame.maxMillis(),
                delivered.summary(), push.summary());
    }

    @DELETE
    @RolesAllowed(RestResource.ADMIN)
    @Operation(summary = "Forget the samples so far")
    public void resetPopLatency() {
        written.reset();
        delivered.reset();
        push.reset();
    }
}
