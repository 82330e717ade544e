package org.switchboard.camel.testing;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.ServiceStatus;
import org.apache.camel.model.ModelCamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.switchboard.camel.runtime.CamelRuntime;

/**
 * The Camel runtime as SCR drives it, outside OSGi: a real CamelContext, a stand-in bundle context
 * that keeps the services the runtime registers, and the whiteboard calls SCR would make.
 */
public final class RunningCamel implements AutoCloseable {

    private final List<Object> services = new ArrayList<>();
    private final CamelRuntime runtime;
    private long nextServiceId = 100;
    private boolean started;
    private ProducerTemplate template;

    public RunningCamel(TestConfig config) throws Exception {
        runtime = new CamelRuntime(bundleContext(), config);
    }

    /** A runtime that has started. */
    public static RunningCamel started() throws Exception {
        RunningCamel camel = new RunningCamel(TestConfig.defaults());
        camel.start();
        return camel;
    }

    public void start() throws Exception {
        runtime.start();
        started = true;
    }

    /** The one service of that type the runtime registered. */
    public <S> S service(Class<S> type) {
        return services.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getName() + " registered"));
    }

    public CamelContext context() {
        return service(CamelContext.class);
    }

    /** Registers a builder as another bundle would; answers its service properties. */
    public Map<String, Object> register(RoutesBuilder builder) {
        Map<String, Object> properties = serviceProperties(Map.of());
        runtime.addRoutesBuilder(builder, properties);
        return properties;
    }

    public void unregister(RoutesBuilder builder, Map<String, Object> properties) {
        runtime.removeRoutesBuilder(builder, properties);
    }

    /** Registers a component service with {@code switchboard.camel.component=<scheme>}. */
    public Map<String, Object> register(String scheme, org.apache.camel.Component component) {
        Map<String, Object> properties = serviceProperties(Map.of(CamelRuntime.COMPONENT_PROPERTY, scheme));
        runtime.addComponent(component, properties);
        return properties;
    }

    public void unregister(org.apache.camel.Component component, Map<String, Object> properties) {
        runtime.removeComponent(component, properties);
    }

    /** The ids of the routes that run now. */
    public Set<String> startedRoutes() {
        CamelContext context = context();
        Set<String> ids = new TreeSet<>();
        for (Route route : context.getRoutes()) {
            if (context.getRouteController().getRouteStatus(route.getRouteId()) == ServiceStatus.Started) {
                ids.add(route.getRouteId());
            }
        }
        return ids;
    }

    /** The ids of the route definitions in the context's model. */
    public Set<String> routeDefinitionIds() {
        Set<String> ids = new TreeSet<>();
        ((ModelCamelContext) context()).getRouteDefinitions().forEach(d -> ids.add(d.getRouteId()));
        return ids;
    }

    /** Sends a body to an endpoint and answers the reply. */
    public Object request(String uri, Object body) {
        if (template == null) {
            template = context().createProducerTemplate();
        }
        return template.requestBody(uri, body);
    }

    @Override
    public void close() {
        if (template != null) {
            template.stop();
        }
        if (started) {
            runtime.stop();
        }
    }

    /** A bundle context that only keeps what is registered with it. */
    private BundleContext bundleContext() {
        ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> null);
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("registerService")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    services.add(args[1]);
                    return registration;
                });
    }

    private Map<String, Object> serviceProperties(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put(Constants.SERVICE_ID, nextServiceId++);
        properties.put(Constants.SERVICE_BUNDLEID, 42L);
        return properties;
    }
}
