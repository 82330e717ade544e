package org.switchboard.web.server;

import java.time.Duration;
import java.util.Hashtable;
import javax.servlet.Servlet;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.switchboard.api.spi.HealthCheck;
import org.switchboard.web.rest.RestResource;
import org.switchboard.web.security.Authentication;

/**
 * Puts the REST API on Karaf's HTTP service: registers the {@link ApiServer}'s servlet at
 * {@code /switchboard/api/*} through the HTTP Whiteboard and feeds it every resource service. A
 * configuration change restarts it with the new settings.
 */
@Component(immediate = true, configurationPid = "org.switchboard.web")
@Designate(ocd = WebConfig.class)
public final class RestServerComponent {
    static final Duration SETTLE_DELAY = Duration.ofMillis(100);
    private static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";
    private static final String FEATURES_SERVICE = "org.apache.karaf.features.FeaturesService";

    private final ApiServer server;
    private final ServiceRegistration<Servlet> servlet;
    private final ServiceRegistration<Authentication> authentication;
    private final ServiceTracker<Object, Object> resources;
    private final ServiceRegistration<HealthCheck> startup;

    @Activate
    public RestServerComponent(BundleContext context, WebConfig config) throws InvalidSyntaxException {
        server = new ApiServer(ApiSettings.of(config), context.getBundle().getEntry(RestResource.WEB_OPENAPI),
                SETTLE_DELAY);
        servlet = context.registerService(Servlet.class, server.servlet(), servletProperties());
        // the event streams sign callers in the same way, sessions included
        authentication = context.registerService(Authentication.class, server.authentication(), null);
        resources = new ServiceTracker<>(context, context.createFilter("(" + RestResource.PROPERTY + "=true)"),
                new ResourceTracker(context, server));
        resources.open(true);
        startup = context.registerService(HealthCheck.class,
                new StartupCheck(() -> bootFinished(context), server::settled, () -> server.servedResources().size()), null);
    }

    /** Karaf registers {@code BootFinished} once its boot features are installed; a framework without Karaf's features has none to wait for. */
    private static boolean bootFinished(BundleContext context) {
        return context.getServiceReference(BOOT_FINISHED) != null || context.getServiceReference(FEATURES_SERVICE) == null;
    }

    @Deactivate
    public void deactivate() {
        startup.unregister();
        resources.close();
        authentication.unregister();
        servlet.unregister();
        server.close();
    }

    private static Hashtable<String, Object> servletProperties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "switchboard-api");
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, RestResource.BASE_PATH + "/*");
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ASYNC_SUPPORTED, Boolean.TRUE);
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT,
                "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "="
                        + HttpWhiteboardConstants.HTTP_WHITEBOARD_DEFAULT_CONTEXT_NAME + ")");
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_INIT_PARAM_PREFIX + "hide-service-list-page", "true");
        return properties;
    }
}
