package org.switchboard.web.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.servlet.http.HttpServlet;
import org.apache.cxf.Bus;
import org.apache.cxf.BusException;
import org.apache.cxf.BusFactory;
import org.apache.cxf.bus.extension.ExtensionManagerBus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.DestinationFactoryManager;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.web.cors.CorsFilter;
import org.switchboard.web.errors.ExceptionMappers;
import org.switchboard.web.json.JsonMapper;
import org.switchboard.web.limits.BodyLimitFilter;
import org.switchboard.web.openapi.OpenApiDocument;
import org.switchboard.web.openapi.OpenApiResource;
import org.switchboard.web.rest.RestResource;
import org.switchboard.web.security.BasicAuthFilter;
import org.switchboard.web.security.Authentication;
import org.switchboard.web.security.JaasAuthenticator;
import org.switchboard.web.security.Sessions;
import org.switchboard.web.session.SessionResource;

/**
 * The one CXF JAX-RS server of the REST API and the servlet that serves it. Resources come and go
 * ({@link #add}, {@link #remove}); the server is rebuilt with the current set once a burst of changes
 * has settled, and requests arriving meanwhile wait for it instead of finding nothing.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final long MAX_WAIT_FOR_REQUESTS_SECONDS = 5;

    private final ApiSettings settings;
    private final Duration settleDelay;
    private final ObjectMapper mapper = JsonMapper.create();
    private final Authentication authentication;
    private final OpenApiDocument openApi;
    private final Bus bus;
    private final ApiServlet servlet;
    private final ReentrantReadWriteLock serving = new ReentrantReadWriteLock();
    private final ScheduledExecutorService rebuilds;
    private final Map<Object, URL> resources = new IdentityHashMap<>();

    private ScheduledFuture<?> pendingRebuild;
    private Map<Object, URL> lastGood = Map.of();
    private Server server;
    private volatile ObjectNode document;

    /**
     * @param webOpenApi  this bundle's own OpenAPI document
     * @param settleDelay how long to wait after a resource came or went before rebuilding
     */
    public ApiServer(ApiSettings settings, URL webOpenApi, Duration settleDelay) {
        this.settings = settings;
        this.settleDelay = settleDelay;
        this.authentication = new Authentication(
                new JaasAuthenticator(settings.realm(), settings.loginCache(), Clock.systemUTC()),
                new Sessions(settings.sessionIdle(), Clock.systemUTC()));
        this.openApi = new OpenApiDocument(mapper, webOpenApi);
        this.bus = withOwnClassLoader(this::createBus);
        this.servlet = new ApiServlet(bus, registryOf(bus), serving.readLock());
        this.rebuilds = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "switchboard-rest-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        rebuild();
    }

    /** The servlet to register at {@code /switchboard/api/*}. */
    public HttpServlet servlet() {
        return servlet;
    }

    /** Who makes a request: the REST API's and the event streams' one way to sign in. */
    public Authentication authentication() {
        return authentication;
    }

    /** Adds (or replaces) a resource; {@code openApi} is the document describing it, or {@code null}. */
    public synchronized void add(Object resource, URL openApi) {
        resources.put(resource, openApi);
        scheduleRebuild();
    }

    public synchronized void remove(Object resource) {
        if (resources.containsKey(resource)) {
            resources.remove(resource);
            scheduleRebuild();
        }
    }

    /** Whether every resource added or removed so far is served: no rebuild is waiting or running. */
    public synchronized boolean settled() {
        return pendingRebuild == null || pendingRebuild.isDone();
    }

    /** The classes of the resources served now, as of the last rebuild. */
    public synchronized Set<Class<?>> servedResources() {
        Set<Class<?>> classes = new HashSet<>();
        lastGood.keySet().forEach(resource -> classes.add(resource.getClass()));
        classes.add(OpenApiResource.class);
        classes.add(SessionResource.class);
        return classes;
    }

    @Override
    public void close() {
        rebuilds.shutdownNow();
        synchronized (this) {
            if (server != null) {
                server.destroy();
                server = null;
            }
        }
        bus.shutdown(true);
    }

    private synchronized void scheduleRebuild() {
        if (pendingRebuild != null) {
            pendingRebuild.cancel(false);
        }
        pendingRebuild = rebuilds.schedule(this::rebuild, settleDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void rebuild() {
        Map<Object, URL> wanted = new IdentityHashMap<>(resources);
        try {
            replaceServer(beansOf(wanted));
            lastGood = wanted;
        } catch (RuntimeException e) {
            LOG.error("The REST API cannot serve the resources {}; it keeps the ones it served before",
                    names(wanted.keySet()), e);
            try {
                replaceServer(beansOf(lastGood));
            } catch (RuntimeException again) {
                LOG.error("The REST API cannot serve the resources it served before either", again);
                return;
            }
        }
        List<URL> documents = lastGood.values().stream().filter(Objects::nonNull).toList();
        Set<Class<?>> classes = servedResources();
        document = openApi.build(documents, classes);
        LOG.info("The REST API at {} serves {} resources", RestResource.BASE_PATH, classes.size());
    }

    /** The resources and, always, the OpenAPI document's and the session's own. */
    private List<Object> beansOf(Map<Object, URL> contributed) {
        List<Object> beans = new ArrayList<>(contributed.keySet());
        beans.add(new OpenApiResource(() -> document));
        beans.add(new SessionResource(authentication, Clock.systemUTC()));
        return beans;
    }

    private void replaceServer(List<Object> beans) {
        Lock exclusive = serving.writeLock();
        boolean locked = false;
        try {
            locked = exclusive.tryLock(MAX_WAIT_FOR_REQUESTS_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (server != null) {
                server.destroy();
                server = null;
            }
            server = withOwnClassLoader(() -> createServer(beans));
        } finally {
            if (locked) {
                exclusive.unlock();
            }
        }
    }

    private Server createServer(List<Object> beans) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress("/");
        factory.setServiceBeans(beans);
        factory.setProviders(providers());
        return factory.create();
    }

    private List<Object> providers() {
        List<Object> providers = new ArrayList<>();
        providers.add(JsonMapper.provider(mapper));
        providers.add(new BasicAuthFilter(authentication));
        providers.add(new BodyLimitFilter(settings.maxBodyBytes()));
        if (!settings.corsOrigins().isEmpty()) {
            providers.add(new CorsFilter(settings.corsOrigins()));
        }
        providers.addAll(ExceptionMappers.all());
        return providers;
    }

    private Bus createBus() {
        Bus previous = BusFactory.getThreadDefaultBus(false);
        ExtensionManagerBus created = new ExtensionManagerBus(null, null, ApiServer.class.getClassLoader());
        created.setExtension(ApiServer.class.getClassLoader(), ClassLoader.class);
        created.initialize();
        BusFactory.setThreadDefaultBus(previous);
        return created;
    }

    private static DestinationRegistry registryOf(Bus bus) {
        try {
            Object factory = bus.getExtension(DestinationFactoryManager.class)
                    .getDestinationFactory(HTTPTransportFactory.DEFAULT_NAMESPACES.get(0));
            return ((HTTPTransportFactory) factory).getRegistry();
        } catch (BusException | ClassCastException e) {
            throw new IllegalStateException("CXF's HTTP transport is missing (feature cxf-http)", e);
        }
    }

    private static <T> T withOwnClassLoader(java.util.function.Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ApiServer.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<String> names(Collection<Object> beans) {
        return beans.stream().map(bean -> bean.getClass().getName()).toList();
    }
}
