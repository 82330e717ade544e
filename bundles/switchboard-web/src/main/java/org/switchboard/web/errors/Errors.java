package org.switchboard.web.errors;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** Builds the JSON error answers. */
public final class Errors {

    private Errors() {
    }

    public static Response response(int status, String message) {
        return response(status, ErrorBody.of(message));
    }

    public static Response response(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
