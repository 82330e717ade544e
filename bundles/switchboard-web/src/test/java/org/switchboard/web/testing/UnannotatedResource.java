package org.switchboard.web.testing;

import javax.ws.rs.GET;
import javax.ws.rs.Path;

/** A contributed resource that forgot its role annotations. */
@Path("/unannotated")
public final class UnannotatedResource {

    @GET
    public String hello() {
        return "\"hello\"";
    }
}
