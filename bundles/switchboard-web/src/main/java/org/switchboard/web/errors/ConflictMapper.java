package org.switchboard.web.errors;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.switchboard.api.ConflictException;

/** A valid request that does not fit the current state: 409. */
public final class ConflictMapper implements ExceptionMapper<ConflictException> {

    @Override
    public Response toResponse(ConflictException e) {
        return Errors.response(409, e.getMessage());
    }
}
