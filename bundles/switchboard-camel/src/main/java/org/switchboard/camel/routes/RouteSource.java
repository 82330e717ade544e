package org.switchboard.camel.routes;

import org.apache.camel.CamelContext;

/**
 * Something that adds routes to the CamelContext: a {@code RoutesBuilder} service of another
 * bundle, or a Camel YAML file dropped into {@code deploy/}.
 *
 * <p>{@link RouteContributions} may call {@link #addTo(CamelContext)} more than once for the same
 * source: again after it failed only because a component was missing, and again after a component
 * it used went away and came back. Each call must add the same routes.
 */
public interface RouteSource {

    /** What an operator reads in the log and in the health check, e.g. the file or the service. */
    String name();

    /** Adds this source's routes to the (started) context; throws when Camel refuses them. */
    void addTo(CamelContext context) throws Exception;
}
