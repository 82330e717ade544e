package org.switchboard.web.errors;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

/** A request argument the services refuse (a limit out of range, a malformed value): 400. */
public final class BadArgumentMapper implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException e) {
        return Errors.response(400, e.getMessage() == null ? "bad request" : e.getMessage());
    }
}
