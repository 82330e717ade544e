package org.switchboard.web.limits;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.switchboard.web.errors.Errors;

/** 413 for a body over the limit. */
public final class BodyTooLargeMapper implements ExceptionMapper<BodyTooLargeException> {

    @Override
    public Response toResponse(BodyTooLargeException e) {
        return Errors.response(413, e.getMessage());
    }
}
