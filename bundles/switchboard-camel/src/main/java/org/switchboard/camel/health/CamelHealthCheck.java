package org.switchboard.camel.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.switchboard.api.spi.Health;
import org.switchboard.api.spi.HealthCheck;
import org.switchboard.camel.routes.ContributionStatus;

/**
 * Health check {@code camel}: DOWN when the context is not started; DEGRADED when a route in the
 * context is not started ({@code routesFailed}), a route source failed (a broken YAML file, a
 * builder Camel refused: {@code sourcesFailed}) or waits for a component ({@code sourcesWaiting});
 * UP otherwise. {@code routesStarted} counts the running routes.
 */
public final class CamelHealthCheck implements HealthCheck {

    private final CamelContext context;
    private final Supplier<List<ContributionStatus>> contributions;

    public CamelHealthCheck(CamelContext context, Supplier<List<ContributionStatus>> contributions) {
        this.context = context;
        this.contributions = contributions;
    }

    @Override
    public String name() {
        return "camel";
    }

    @Override
    public Health check() {
        try {
            return inspect();
        } catch (RuntimeException e) {
            return Health.down("Camel context '" + context.getName() + "' cannot tell: " + e);
        }
    }

    private Health inspect() {
        ServiceStatus status = context.getStatus();
        if (!status.isStarted()) {
            return Health.down("Camel context '" + context.getName() + "' is " + status)
                    .with(Map.of("context", status.name()));
        }
        int started = 0;
        List<String> notStarted = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            ServiceStatus routeStatus = context.getRouteController().getRouteStatus(route.getRouteId());
            if (routeStatus != null && routeStatus.isStarted()) {
                started++;
            } else {
                notStarted.add(route.getRouteId());
            }
        }
        List<String> failed = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (ContributionStatus contribution : contributions.get()) {
            switch (contribution.state()) {
                case FAILED -> failed.add(contribution.name() + ": " + contribution.problem());
                case WAITING -> waiting.add(contribution.name() + " (component '" + contribution.problem() + "')");
                case PENDING, ACTIVE -> { }
            }
        }

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("context", status.name());
        details.put("routesStarted", started);
        details.put("routesFailed", notStarted.size());
        details.put("routesNotStarted", notStarted);
        details.put("sourcesFailed", failed);
        details.put("sourcesWaiting", waiting);

        StringBuilder message = new StringBuilder().append(started).append(started == 1 ? " route" : " routes")
                .append(" started");
        if (!notStarted.isEmpty()) {
            message.append(", ").append(notStarted.size()).append(" not started");
        }
        if (!failed.isEmpty()) {
            message.append(", ").append(failed.size()).append(" route source(s) failed");
        }
        if (!waiting.isEmpty()) {
            message.append(", ").append(waiting.size()).append(" wait for a component");
        }
        boolean healthy = notStarted.isEmpty() && failed.isEmpty() && waiting.isEmpty();
        return new Health(healthy ? Health.Status.UP : Health.Status.DEGRADED, message.toString(), details);
    }
}
