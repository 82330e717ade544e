package org.switchboard.web.server;

import java.net.URL;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.web.rest.RestResource;

/**
 * The whiteboard: every service with {@code switchboard.rest.resource=true}, whatever its
 * interface, becomes a resource of the {@link ApiServer}, with the OpenAPI document its bundle names.
 */
final class ResourceTracker implements ServiceTrackerCustomizer<Object, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceTracker.class);

    private final BundleContext context;
    private final ApiServer server;

    ResourceTracker(BundleContext context, ApiServer server) {
        this.context = context;
        this.server = server;
    }

    @Override
    public Object addingService(ServiceReference<Object> reference) {
        Object resource = context.getService(reference);
        if (resource != null) {
            server.add(resource, openApiOf(reference, resource));
        }
        return resource;
    }

    @Override
    public void modifiedService(ServiceReference<Object> reference, Object resource) {
        server.add(resource, openApiOf(reference, resource));
    }

    @Override
    public void removedService(ServiceReference<Object> reference, Object resource) {
        server.remove(resource);
        context.ungetService(reference);
    }

    private static URL openApiOf(ServiceReference<Object> reference, Object resource) {
        Object path = reference.getProperty(RestResource.OPENAPI);
        URL document = path instanceof String p && reference.getBundle() != null ? reference.getBundle().getEntry(p) : null;
        if (document == null) {
            LOG.warn("The REST resource {} of bundle {} has no OpenAPI document (service property {}={})",
                    resource.getClass().getName(), reference.getBundle(), RestResource.OPENAPI, path);
        }
        return document;
    }
}
