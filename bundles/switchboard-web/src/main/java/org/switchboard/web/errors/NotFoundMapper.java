package org.switchboard.web.errors;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.switchboard.api.NotFoundException;

/** A record that does not exist: 404. */
public final class NotFoundMapper implements ExceptionMapper<NotFoundException> {

    @Override
    public Response toResponse(NotFoundException e) {
        return Errors.response(404, e.getMessage());
    }
}
