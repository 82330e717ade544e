package org.switchboard.web.agents;

import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.NotFoundException;
import org.switchboard.api.Presence;
import org.switchboard.api.service.Agents;
import org.switchboard.web.limits.BoundedBody;
import org.switchboard.web.rest.Params;
import org.switchboard.web.rest.RestResource;
import org.switchboard.web.security.SignedInAgent;

/**
 * {@code /agents}: agents with their presence and work. An agent sets only their own presence;
 * supervisors and admins set anyone's.
 */
@Component(service = AgentsResource.class,
        property = {RestResource.PROPERTY + "=true", RestResource.OPENAPI + "=" + RestResource.WEB_OPENAPI})
@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({RestResource.AGENT, RestResource.SUPERVISOR, RestResource.ADMIN})
@BoundedBody
public final class AgentsResource {
    private final Agents agents;

    @Activate
    public AgentsResource(@Reference Agents agents) {
        this.agents = agents;
    }

    @GET
    public List<AgentBody> listAgents() {
        return agents.list().stream().map(AgentBody::of).toList();
    }

    /** The signed-in agent. */
    @GET
    @Path("/me")
    public AgentBody signedInAgent(@Context SecurityContext security) {
        return AgentBody.of(SignedInAgent.of(security, agents));
    }

    @GET
    @Path("/{id}")
    public AgentBody findAgent(@PathParam("id") String id) {
        return AgentBody.of(agents.find(id).orElseThrow(() -> new NotFoundException("agent", id)));
    }

    /** Sets the signed-in agent's presence. */
    @PUT
    @Path("/me/presence")
    @Consumes(MediaType.APPLICATION_JSON)
    public AgentBody setOwnPresence(PresenceChange change, @Context SecurityContext security) {
        return setPresence(SignedInAgent.of(security, agents).agent().id(), change);
    }

    /** Sets an agent's presence: their own, or anyone's for supervisors and admins. */
    @PUT
    @Path("/{id}/presence")
    @Consumes(MediaType.APPLICATION_JSON)
    public AgentBody setAgentPresence(@PathParam("id") String id, PresenceChange change,
                                 @Context SecurityContext security) {
        if (!SignedInAgent.mayActForOthers(security)
                && !SignedInAgent.of(security, agents).agent().id().equals(id)) {
            throw new ForbiddenException("an agent sets only their own presence");
        }
        return setPresence(id, change);
    }

    private AgentBody setPresence(String agentId, PresenceChange change) {
        Presence presence = Params.requiredEnum("presence", change == null ? null : change.presence(), Presence.class);
        AgentStatus changed = agents.setPresence(agentId, presence, Params.optionalText(change.reason()));
        return AgentBody.of(changed);
    }
}
