package org.switchboard.web.testing;

import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** A resource as another bundle contributes it: its own roles, its own OpenAPI document. */
@Path("/contributed")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("integration")
public final class ContributedResource {
    public static final String OPENAPI = "/openapi/contributed.json";

    @GET
    public Map<String, String> hello() {
        return Map.of("hello", "world");
    }
}
