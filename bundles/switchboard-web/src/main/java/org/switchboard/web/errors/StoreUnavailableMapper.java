package org.switchboard.web.errors;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.spi.StoreUnavailableException;

/** The store could not commit: 503 with {@code Retry-After}; nothing was stored, the client retries. */
public final class StoreUnavailableMapper implements ExceptionMapper<StoreUnavailableException> {
    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailableMapper.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public Response toResponse(StoreUnavailableException e) {
        LOG.warn("Answered 503: the store is unavailable ({})", e.getMessage());
        return Response.fromResponse(Errors.response(503, "the store is unavailable; nothing was stored, retry later"))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }
}
