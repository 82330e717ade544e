package org.switchboard.web.queues;

import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.NotFoundException;
import org.switchboard.api.service.Queues;
import org.switchboard.web.rest.RestResource;

/** {@code /queues}: queues with what waits in them now. */
@Component(service = QueuesResource.class,
        property = {RestResource.PROPERTY + "=true", RestResource.OPENAPI + "=" + RestResource.WEB_OPENAPI})
@Path("/queues")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({RestResource.AGENT, RestResource.SUPERVISOR, RestResource.ADMIN})
public final class QueuesResource {
    private final Queues queues;

    @Activate
    public QueuesResource(@Reference Queues queues) {
        this.queues = queues;
    }

    @GET
    public List<QueueBody> listQueues() {
        return queues.list().stream().map(QueueBody::of).toList();
    }

    @GET
    @Path("/{id}")
    public QueueBody findQueue(@PathParam("id") String id) {
        return QueueBody.of(queues.find(id).orElseThrow(() -> new NotFoundException("queue", id)));
    }
}
