package org.switchboard.web.cors;

import java.util.Set;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

/**
 * Cross-origin access for the configured origins (off unless configured): answers preflight
 * requests and marks answers to those origins as readable, credentials included.
 */
@PreMatching
public final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String ORIGIN = "Origin";
    static final String REQUEST_METHOD = "Access-Control-Request-Method";

    private final Set<String> allowedOrigins;

    public CorsFilter(Set<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString(ORIGIN);
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && request.getHeaderString(REQUEST_METHOD) != null
                && allowed(origin)) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS")
                    .header("Access-Control-Allow-Headers", "Authorization, Content-Type")
                    .header("Access-Control-Max-Age", "600")
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString(ORIGIN);
        if (allowed(origin)) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle("Access-Control-Allow-Origin", origin);
            headers.putSingle("Access-Control-Allow-Credentials", "true");
            headers.putSingle("Access-Control-Expose-Headers", "WWW-Authenticate, Retry-After");
            headers.add("Vary", ORIGIN);
        }
    }

    private boolean allowed(String origin) {
        return origin != null && (allowedOrigins.contains(origin) || allowedOrigins.contains("*"));
    }
}
