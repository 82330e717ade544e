package org.switchboard.camel.routes;

import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.NoSuchEndpointException;

/** Tells whether Camel refused routes only because a component is not (yet) there. */
final class MissingComponent {

    private MissingComponent() {
    }

    /**
     * The scheme of the missing component when Camel refused for that reason: it throws a
     * {@link NoSuchEndpointException} (somewhere in the cause chain) when no component and no
     * registered endpoint answers a URI.
     */
    static Optional<String> scheme(Throwable failure, CamelContext context) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoSuchEndpointException noSuchEndpoint) {
                String scheme = RouteSchemes.schemeOf(noSuchEndpoint.getUri());
                if (scheme != null && context.hasComponent(scheme) == null) {
                    return Optional.of(scheme);
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
