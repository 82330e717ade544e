package org.switchboard.camel.routes;

import java.util.Set;

/**
 * What became of one {@link RouteSource}.
 *
 * @param name     the source's name
 * @param state    where it is
 * @param routeIds the routes it runs (empty unless {@link State#ACTIVE})
 * @param problem  the missing component's scheme when {@link State#WAITING}, the reason when
 *                 {@link State#FAILED}, otherwise null
 */
public record ContributionStatus(String name, State state, Set<String> routeIds, String problem) {

    public enum State {
        /** Came before the context started; added when it has. */
        PENDING,
        /** Its routes are in the context. */
        ACTIVE,
        /** Waits for the component {@link #problem()} names. */
        WAITING,
        /** Camel refused its routes for the reason {@link #problem()} gives. */
        FAILED
    }
}
