package org.switchboard.web.errors;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAX-RS's own answers (404 for an unknown path, 405, 406, 415, a resource's 403 or 413) as JSON
 * errors, keeping their status and headers.
 */
public final class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationMapper.class);

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.error("Request failed with {}", status, e);
        }
        String reason = original.getStatusInfo().getReasonPhrase();
        String message = e.getMessage() == null || e.getMessage().startsWith("HTTP " + status) ? reason : e.getMessage();
        Response.ResponseBuilder answer = Response.fromResponse(Errors.response(status, message));
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }
}
