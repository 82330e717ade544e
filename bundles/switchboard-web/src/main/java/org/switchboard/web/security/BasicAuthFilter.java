package org.switchboard.web.security;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import org.switchboard.web.errors.Errors;

/**
 * Authentication and authorization of every matched request: the method's {@link AccessRule}
 * decides; a closed method needs HTTP Basic credentials of the JAAS realm or a signed-in session's
 * cookie (401 with {@code WWW-Authenticate} without valid ones) and one of its roles (403 otherwise).
 */
@Priority(Priorities.AUTHENTICATION)
public final class BasicAuthFilter implements ContainerRequestFilter {
    public static final String CHALLENGE = "Basic realm=\"Switchboard\"";
    /**
     * Sent by the console's scripts: a 401 then carries no Basic challenge, so that the browser
     * does not put up its own password dialog over the console's sign-in form.
     */
    public static final String SCRIPT_HEADER = "X-Requested-With";

    /** A 401 for this request: with the Basic challenge, unless a script of the console asked. */
    public static Response unauthorized(String message, String requestedWith) {
        Response response = Errors.response(401, message);
        return requestedWith == null ? Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build()
                : response;
    }

    private final Authentication authentication;
    private final Map<Method, AccessRule> rules = new ConcurrentHashMap<>();

    @Context
    private ResourceInfo resourceInfo;

    public BasicAuthFilter(Authentication authentication) {
        this.authentication = authentication;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return;
        }
        Class<?> resourceClass = resourceInfo.getResourceClass();
        AccessRule rule = rules.computeIfAbsent(method, m -> AccessRule.of(resourceClass, m));
        if (rule.open()) {
            return;
        }
        Optional<Caller> caller = authentication.caller(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getHeaderString(HttpHeaders.COOKIE));
        if (caller.isEmpty()) {
            request.abortWith(unauthorized("authentication required", request.getHeaderString(SCRIPT_HEADER)));
            return;
        }
        if (!rule.allows(caller.get())) {
            request.abortWith(Errors.response(403, "this needs one of the roles " + rule.roles()));
            return;
        }
        request.setSecurityContext(new CallerSecurityContext(caller.get(), request.getSecurityContext().isSecure()));
    }
}
