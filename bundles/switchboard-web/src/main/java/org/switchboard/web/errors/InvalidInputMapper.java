package org.switchboard.web.errors;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.switchboard.api.InvalidContactException;

/** Input Switchboard refuses: 400 naming the field. */
public final class InvalidInputMapper implements ExceptionMapper<InvalidContactException> {

    @Override
    public Response toResponse(InvalidContactException e) {
        return Errors.response(400, new ErrorBody(e.getMessage(), e.field()));
    }
}
