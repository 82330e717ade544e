package org.switchboard.camel.routes;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.osgi.framework.Constants;

/** The routes of one {@link RoutesBuilder} service that another bundle registered. */
public final class BuilderRoutes implements RouteSource {

    private final RoutesBuilder builder;
    private final String name;

    public BuilderRoutes(RoutesBuilder builder, Map<String, Object> serviceProperties) {
        this.builder = builder;
        this.name = "RoutesBuilder " + builder.getClass().getName()
                + " (bundle " + serviceProperties.getOrDefault(Constants.SERVICE_BUNDLEID, "?")
                + ", service.id " + serviceProperties.getOrDefault(Constants.SERVICE_ID, "?") + ")";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void addTo(CamelContext context) throws Exception {
        context.addRoutes(builder);
    }

    @Override
    public String toString() {
        return name;
    }
}
