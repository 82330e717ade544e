package org.switchboard.web.rest;

import java.util.Set;

/**
 * The whiteboard contract: an OSGi service registered with {@link #PROPERTY}{@code =true} becomes a
 * singleton JAX-RS resource of the one server at {@link #BASE_PATH}. Its role checks are the
 * standard {@code javax.annotation.security} annotations ({@code @RolesAllowed}, {@code @PermitAll},
 * {@code @DenyAll}) on its class or methods; a method with none of them is for {@code admin} only.
 * {@link #OPENAPI} names the OpenAPI document in the service's bundle that describes it.
 */
public final class RestResource {
    /** Service property that makes a service a resource of the REST API. */
    public static final String PROPERTY = "switchboard.rest.resource";
    /** Service property: the path, inside the service's bundle, of the OpenAPI document describing it. */
    public static final String OPENAPI = "switchboard.rest.openapi";
    /** Where this bundle's own document is, generated at build time. */
    public static final String WEB_OPENAPI = "/OSGI-INF/openapi/web.json";
    /** The path of the REST API on Karaf's HTTP service. */
    public static final String BASE_PATH = "/switchboard/api";

    /** The roles of the REST API. */
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    public static final String INTEGRATION = "integration";
    /** Every role the REST API knows. */
    public static final Set<String> ROLES = Set.of(AGENT, SUPERVISOR, ADMIN, INTEGRATION);

    private RestResource() {
    }
}
