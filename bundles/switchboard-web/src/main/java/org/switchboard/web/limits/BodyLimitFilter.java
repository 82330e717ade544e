package org.switchboard.web.limits;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import org.switchboard.web.errors.Errors;

/**
 * Refuses a body over the limit with 413: at once when {@code Content-Length} says so, otherwise as
 * soon as reading passes the limit, so an oversized body is never read whole.
 */
@BoundedBody
@Priority(Priorities.ENTITY_CODER)
public final class BodyLimitFilter implements ContainerRequestFilter {
    private final long maxBytes;

    public BodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            request.abortWith(Errors.response(413, new BodyTooLargeException(maxBytes).getMessage()));
            return;
        }
        request.setEntityStream(new BoundedInputStream(request.getEntityStream(), maxBytes));
    }
}
