package org.switchboard.camel.routes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Route;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes that other bundles and files contribute to the one CamelContext, and the components
 * that other bundles contribute for them. Every change goes through here, one at a time.
 *
 * <h2>What each contribution owns</h2>
 * The route ids a {@link RouteSource} added are taken from the context before and after it ran;
 * removing the source stops and removes exactly those routes. A route id that another
 * contribution already owns is refused (Camel itself would silently replace that route): the
 * newcomer fails and the running route stays.
 *
 * <h2>Ordering: contributions that need a component that is not there yet</h2>
 * Routes that use a component registered as a service (the core's {@code switchboard:}) may come
 * before that component does. Camel refuses such routes with a {@link
 * org.apache.camel.NoSuchEndpointException}. Then everything the source had added is taken out
 * again and the source <em>waits</em> for that scheme; when a component with that scheme is added,
 * every source waiting for it is added again, in the order they came. When a component goes away,
 * the sources whose routes use its scheme are taken out and wait for it again, so no route keeps
 * calling a component whose bundle is gone. This is simpler than finding the schemes before adding
 * (which needs the route model Camel only builds while adding) and never starts half a source.
 *
 * <p>Sources added before {@link #start()} (the context not started yet) are <em>pending</em> and
 * added, in order, by {@link #start()}. Any other failure is logged at ERROR on one line with the
 * source's name and the problem (the stack trace at DEBUG); the source stays <em>failed</em> until
 * it is removed or replaced, and the other routes keep running.
 */
public final class RouteContributions {

    private static final Logger LOG = LoggerFactory.getLogger(RouteContributions.class);

    private final ModelCamelContext context;
    private final Map<Object, Contribution> contributions = new LinkedHashMap<>();
    private final Map<String, Component> components = new LinkedHashMap<>();
    /** Route id to the name of the active contribution that owns it; read by Camel's route filter. */
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    /** Route ids refused while the current thread adds a source. */
    private final ThreadLocal<List<String>> refused = new ThreadLocal<>();
    private boolean started;
    private boolean closed;

    public RouteContributions(CamelContext context) {
        this.context = (ModelCamelContext) context;
        this.context.setRouteFilter(this::acceptRoute);
    }

    /** The context has started: adds the sources that came before it. */
    public synchronized void start() {
        ContextClassLoader.runUnchecked(context, this::addPending);
    }

    /** Adds the routes of a source under a key (the builder service, the file); replaces the key's old source. */
    public synchronized void add(Object key, RouteSource source) {
        ContextClassLoader.runUnchecked(context, () -> replace(key, source));
    }

    /** Stops and removes exactly the routes the key's source added. */
    public synchronized void remove(Object key) {
        ContextClassLoader.runUnchecked(context, () -> drop(key));
    }

    /**
     * Adds a component under its scheme and adds the sources that were waiting for it; refuses
     * (and logs why) a scheme the context already has a component for.
     */
    public synchronized void addComponent(String scheme, Component component) {
        ContextClassLoader.runUnchecked(context, () -> plugIn(scheme, component));
    }

    /**
     * Removes a component that {@link #addComponent} added; the sources whose routes use it are
     * taken out and wait for it again.
     */
    public synchronized void removeComponent(String scheme, Component component) {
        ContextClassLoader.runUnchecked(context, () -> unplug(scheme, component));
    }

    private void addPending() {
        started = true;
        for (Contribution contribution : List.copyOf(contributions.values())) {
            if (contribution.state == ContributionStatus.State.PENDING) {
                tryAdd(contribution);
            }
        }
    }

    private void replace(Object key, RouteSource source) {
        if (closed) {
            return;
        }
        Contribution old = contributions.remove(key);
        if (old != null) {
            takeOut(old);
        }
        Contribution contribution = new Contribution(source);
        contributions.put(key, contribution);
        if (started) {
            tryAdd(contribution);
        }
    }

    private void drop(Object key) {
        Contribution contribution = contributions.remove(key);
        if (contribution == null || closed) {
            return;
        }
        Set<String> routeIds = contribution.routeIds;
        if (takeOut(contribution)) {
            LOG.info("{}: removed routes {}", contribution.source.name(), routeIds);
        }
    }

    private void plugIn(String scheme, Component component) {
        if (closed) {
            return;
        }
        if (context.hasComponent(scheme) != null) {
            LOG.error("Camel component '{}' ({}) not added: the context already has a component with that scheme",
                    scheme, component.getClass().getName());
            return;
        }
        context.addComponent(scheme, component);
        components.put(scheme, component);
        LOG.info("Camel component '{}' added ({})", scheme, component.getClass().getName());
        if (started) {
            for (Contribution contribution : List.copyOf(contributions.values())) {
                if (contribution.state == ContributionStatus.State.WAITING && scheme.equals(contribution.problem)) {
                    tryAdd(contribution);
                }
            }
        }
    }

    private void unplug(String scheme, Component component) {
        if (closed || components.get(scheme) != component) {
            return;
        }
        for (Contribution contribution : contributions.values()) {
            if (contribution.state == ContributionStatus.State.ACTIVE && contribution.schemes.contains(scheme)) {
                takeOut(contribution);
                contribution.waitFor(scheme);
                LOG.info("{}: routes stopped, they wait for Camel component '{}' to come back",
                        contribution.source.name(), scheme);
            }
        }
        components.remove(scheme);
        context.removeComponent(scheme);
        try {
            context.removeEndpoints(scheme + ":*");
        } catch (Exception e) {
            LOG.warn("Endpoints of Camel component '{}' not removed: {}", scheme, Problems.describe(e));
        }
        LOG.info("Camel component '{}' removed", scheme);
    }

    /** What every source is doing, in the order they came. */
    public synchronized List<ContributionStatus> status() {
        List<ContributionStatus> answer = new ArrayList<>(contributions.size());
        for (Contribution contribution : contributions.values()) {
            answer.add(new ContributionStatus(contribution.source.name(), contribution.state,
                    contribution.routeIds, contribution.problem));
        }
        return answer;
    }

    /** The context is stopping with all its routes: from now on nothing is added or removed. */
    public synchronized void close() {
        closed = true;
        contributions.clear();
        components.clear();
        owners.clear();
    }

    private void tryAdd(Contribution contribution) {
        Set<String> routesBefore = routeIds();
        Set<RouteDefinition> definitionsBefore = definitions();
        List<String> refusedIds = new ArrayList<>();
        refused.set(refusedIds);
        try {
            contribution.source.addTo(context);
            if (!refusedIds.isEmpty()) {
                throw new IllegalStateException(String.join("; ", refusedIds));
            }
            Set<String> added = new LinkedHashSet<>(routeIds());
            added.removeAll(routesBefore);
            contribution.activate(added, RouteSchemes.of(context, added));
            added.forEach(id -> owners.put(id, contribution.source.name()));
            LOG.info("{}: started routes {}", contribution.source.name(), added);
        } catch (Exception e) {
            undo(definitionsBefore, routesBefore);
            Optional<String> missing = MissingComponent.scheme(e, context);
            if (missing.isPresent()) {
                contribution.waitFor(missing.get());
                LOG.info("{}: routes wait for Camel component '{}'", contribution.source.name(), missing.get());
            } else {
                String problem = Problems.describe(e);
                contribution.fail(problem);
                LOG.error("{}: routes not added: {}", contribution.source.name(), problem);
                LOG.debug("{}: routes not added", contribution.source.name(), e);
            }
        } finally {
            refused.remove();
        }
    }

    /** Takes out what a failed attempt had added: its route definitions and the routes made from them. */
    private void undo(Set<RouteDefinition> definitionsBefore, Set<String> routesBefore) {
        List<RouteDefinition> added = new ArrayList<>();
        for (RouteDefinition definition : context.getRouteDefinitions()) {
            if (!definitionsBefore.contains(definition)) {
                added.add(definition);
            }
        }
        try {
            context.removeRouteDefinitions(added);
        } catch (Exception e) {
            LOG.warn("Could not take out the route definitions of a failed source: {}", Problems.describe(e));
        }
        Set<String> leftOver = routeIds();
        leftOver.removeAll(routesBefore);
        stopAndRemove(leftOver);
    }

    /** Stops and removes the routes of an active contribution; answers whether it had any. */
    private boolean takeOut(Contribution contribution) {
        boolean wasActive = contribution.state == ContributionStatus.State.ACTIVE;
        if (wasActive) {
            contribution.routeIds.forEach(owners::remove);
            stopAndRemove(contribution.routeIds);
        }
        contribution.deactivate();
        return wasActive;
    }

    private void stopAndRemove(Collection<String> routeIds) {
        for (String id : routeIds) {
            try {
                context.getRouteController().stopRoute(id);
                context.removeRoute(id);
            } catch (Exception e) {
                LOG.warn("Could not stop and remove route {}: {}", id, Problems.describe(e));
            }
        }
    }

    /** Camel's route filter: refuses a route whose id an active contribution owns. */
    private Boolean acceptRoute(RouteDefinition definition) {
        String id = definition.getRouteId();
        String owner = id == null ? null : owners.get(id);
        if (owner == null) {
            return Boolean.TRUE;
        }
        String problem = "route id '" + id + "' is already used by " + owner;
        List<String> refusedIds = refused.get();
        if (refusedIds != null) {
            refusedIds.add(problem);
        } else {
            LOG.warn("Route not added: {}", problem);
        }
        return Boolean.FALSE;
    }

    private Set<String> routeIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Route route : context.getRoutes()) {
            ids.add(route.getRouteId());
        }
        return ids;
    }

    private Set<RouteDefinition> definitions() {
        Set<RouteDefinition> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(context.getRouteDefinitions());
        return set;
    }

    /** One source and what became of it. */
    private static final class Contribution {
        final RouteSource source;
        ContributionStatus.State state = ContributionStatus.State.PENDING;
        Set<String> routeIds = Set.of();
        Set<String> schemes = Set.of();
        String problem;

        Contribution(RouteSource source) {
            this.source = source;
        }

        void activate(Set<String> ids, Set<String> usedSchemes) {
            state = ContributionStatus.State.ACTIVE;
            routeIds = Collections.unmodifiableSet(new LinkedHashSet<>(ids));
            schemes = usedSchemes;
            problem = null;
        }

        void waitFor(String scheme) {
            state = ContributionStatus.State.WAITING;
            problem = scheme;
        }

        void fail(String why) {
            state = ContributionStatus.State.FAILED;
            problem = why;
        }

        void deactivate() {
            routeIds = Set.of();
            schemes = Set.of();
        }
    }
}
