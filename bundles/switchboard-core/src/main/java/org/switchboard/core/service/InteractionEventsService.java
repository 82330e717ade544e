package org.switchboard.core.service;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.switchboard.api.EndReason;
import org.switchboard.api.spi.InteractionEvents;
import org.switchboard.core.routing.RoutingEngine;

/** {@link InteractionEvents}: what a channel's own routing reports, applied by the routing engine. */
public final class InteractionEventsService implements InteractionEvents {
    private final RoutingEngine routing;

    public InteractionEventsService(RoutingEngine routing) {
        this.routing = routing;
    }

    @Override
    public void queued(long interactionId, String queueId, Instant at) {
        routing.externalQueued(interactionId, Objects.requireNonNull(queueId, "queueId"), Objects.requireNonNull(at, "at"));
    }

    @Override
    public void offered(long interactionId, String agentId, Instant at) {
        routing.externalOffered(interactionId, Objects.requireNonNull(agentId, "agentId"), Objects.requireNonNull(at, "at"));
    }

    @Override
    public void answered(long interactionId, String agentId, Instant at) {
        routing.externalAnswered(interactionId, Objects.requireNonNull(agentId, "agentId"), Objects.requireNonNull(at, "at"));
    }

    @Override
    public void transferred(long interactionId, String toAgentId, Instant at) {
        routing.externalTransferred(interactionId, Objects.requireNonNull(toAgentId, "toAgentId"),
                Objects.requireNonNull(at, "at"));
    }

    @Override
    public void annotated(long interactionId, Map<String, String> details, Instant at) {
        routing.externalAnnotated(interactionId, Map.copyOf(Objects.requireNonNull(details, "details")),
                Objects.requireNonNull(at, "at"));
    }

    @Override
    public void ended(long interactionId, EndReason reason, Instant at) {
        routing.externalEnded(interactionId, Objects.requireNonNull(reason, "reason"), Objects.requireNonNull(at, "at"));
    }
}
