package org.switchboard.camel.runtime;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.spi.HealthCheck;
import org.switchboard.camel.health.CamelHealthCheck;
import org.switchboard.camel.routes.BuilderRoutes;
import org.switchboard.camel.routes.ContextClassLoader;
import org.switchboard.camel.routes.RouteContributions;
import org.switchboard.camel.yaml.YamlRoutesInstaller;

/**
 * The one CamelContext of Switchboard.
 *
 * <p>Creates a {@link DefaultCamelContext} whose application class loader is this bundle's (it
 * embeds Camel and the components, so they are found there; {@link BundleFirstClassResolver} makes
 * Camel ask it first), starts it with that loader as the thread context class loader, and registers it as an OSGi service {@link CamelContext}
 * (property {@value #CONTEXT_NAME_PROPERTY}); also the health check {@code camel} and, unless
 * configured off, the File Install {@link ArtifactInstaller} for YAML routes in {@code deploy/}.
 * Those services are registered in code, so the bundle declares them as capabilities for
 * resolvers. Deactivation unregisters them and stops the context with all its routes.
 *
 * <p>Whiteboards (dynamic, multiple, greedy):
 * <ul>
 * <li>{@link RoutesBuilder} services of other bundles: their routes are added; on unbind exactly
 * those routes are stopped and removed;</li>
 * <li>{@link org.apache.camel.Component} services with {@value #COMPONENT_PROPERTY}{@code =<scheme>}:
 * added to the context under that scheme, removed on unbind.</li>
 * </ul>
 * What runs when, including routes that need a component not registered yet, is explained in
 * {@link RouteContributions}: services bound before {@link #start()} are added once the context
 * has started.
 */
@Component(configurationPid = CamelRuntime.PID, service = {}, immediate = true)
@Designate(ocd = CamelRuntimeConfig.class)
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"org.apache.camel.CamelContext\"", uses = CamelContext.class)
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"org.switchboard.api.spi.HealthCheck\"", uses = HealthCheck.class)
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"org.apache.felix.fileinstall.ArtifactInstaller\"",
        uses = ArtifactInstaller.class)
public final class CamelRuntime {

    public static final String PID = "org.switchboard.camel";
    /** The service property that makes a {@link org.apache.camel.Component} service part of the context. */
    public static final String COMPONENT_PROPERTY = "switchboard.camel.component";
    public static final String CONTEXT_NAME_PROPERTY = "camel.context.name";

    private static final Logger LOG = LoggerFactory.getLogger(CamelRuntime.class);

    private final BundleContext bundleContext;
    private final CamelRuntimeConfig config;
    private final DefaultCamelContext context;
    private final RouteContributions contributions;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public CamelRuntime(BundleContext bundleContext, CamelRuntimeConfig config) throws Exception {
        this.bundleContext = bundleContext;
        this.config = config;
        this.context = createContext(config);
        this.contributions = new RouteContributions(context);
    }

    /** Starts the context, adds what was bound so far, registers the services. */
    @Activate
    public void start() throws Exception {
        try {
            ContextClassLoader.run(context, context::start);
        } catch (Exception | LinkageError e) {
            stopContext();
            throw e;
        }
        contributions.start();
        register(CamelContext.class, context);
        register(HealthCheck.class, new CamelHealthCheck(context, contributions::status));
        if (config.yamlRoutes()) {
            register(ArtifactInstaller.class,
                    new YamlRoutesInstaller(contributions, config.yamlDetectRoutes(), config.yamlMaxBytes()));
        }
        LOG.info("Camel context '{}' started with {} routes", context.getName(), context.getRoutes().size());
    }

    @Deactivate
    public void stop() {
        for (int i = registrations.size() - 1; i >= 0; i--) {
            try {
                registrations.get(i).unregister();
            } catch (IllegalStateException alreadyGone) {
                LOG.debug("Service already unregistered", alreadyGone);
            }
        }
        registrations.clear();
        contributions.close();
        stopContext();
    }

    @Reference(service = RoutesBuilder.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void addRoutesBuilder(RoutesBuilder builder, Map<String, Object> properties) {
        contributions.add(builder, new BuilderRoutes(builder, properties));
    }

    public void removeRoutesBuilder(RoutesBuilder builder, Map<String, Object> properties) {
        contributions.remove(builder);
    }

    @Reference(service = org.apache.camel.Component.class, target = "(" + COMPONENT_PROPERTY + "=*)",
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addComponent(org.apache.camel.Component component, Map<String, Object> properties) {
        Object scheme = properties.get(COMPONENT_PROPERTY);
        if (scheme instanceof String name && !name.isBlank()) {
            contributions.addComponent(name.trim(), component);
        } else {
            LOG.error("Camel component {} not added: its service property {} must be one scheme, not {}",
                    component.getClass().getName(), COMPONENT_PROPERTY, scheme);
        }
    }

    public void removeComponent(org.apache.camel.Component component, Map<String, Object> properties) {
        if (properties.get(COMPONENT_PROPERTY) instanceof String name) {
            contributions.removeComponent(name.trim(), component);
        }
    }

    /** Created, configured and built with this bundle's class loader as the thread's: Camel keeps it. */
    private static DefaultCamelContext createContext(CamelRuntimeConfig config) throws Exception {
        ClassLoader bundleLoader = CamelRuntime.class.getClassLoader();
        return ContextClassLoader.call(bundleLoader, () -> {
            DefaultCamelContext context = new DefaultCamelContext(false);
            context.getCamelContextExtension().setName(config.contextName());
            context.setApplicationContextClassLoader(bundleLoader);
            context.setClassResolver(new BundleFirstClassResolver(context));
            context.getShutdownStrategy().setTimeout(config.shutdownTimeoutSeconds());
            context.build();
            return context;
        });
    }

    private void stopContext() {
        try {
            ContextClassLoader.run(context, context::stop);
            LOG.info("Camel context '{}' stopped", context.getName());
        } catch (Exception e) {
            LOG.warn("Camel context '{}' did not stop cleanly: {}", context.getName(), e.toString());
        }
    }

    private <S> void register(Class<S> type, S service) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(CONTEXT_NAME_PROPERTY, context.getName());
        registrations.add(bundleContext.registerService(type, service, properties));
    }
}
