package org.switchboard.telephony.rest;

import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.NotFoundException;
import org.switchboard.api.service.Agents;
import org.switchboard.api.spi.TelephonyException;
import org.switchboard.telephony.callback.Dialer;
import org.switchboard.telephony.callback.PhoneNumbers;

/**
 * {@code POST /calls} {@code {"agent","number"}}: click-to-call. The agent's phone rings; once they pick up,
 * the PBX dials the number. Answered 202 once the PBX accepted the call, 502 when it refused it or cannot
 * be reached; an open callback for the number is closed.
 */
@Component(service = Object.class, property = "switchboard.rest.resource=true")
@Path("/calls")
@RolesAllowed({"agent", "supervisor", "admin"})
public class CallsResource {
    private final Dialer dialer;
    private final Agents agents;

    @Activate
    public CallsResource(@Reference Dialer dialer, @Reference Agents agents) {
        this.dialer = dialer;
        this.agents = agents;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response call(CallRequest request, @Context SecurityContext caller) {
        if (request == null) {
            throw new BadRequestException("a JSON object {\"agent\",\"number\"} is expected");
        }
        String number = PhoneNumbers.dialable("number", request.number());
        String agent = agentFor(request.agent(), caller);
        try {
            String callId = dialer.call(agent, number, "click-to-call", Map.of());
            return Response.accepted(new CallAnswer(callId, agent, number)).type(MediaType.APPLICATION_JSON_TYPE).build();
        } catch (TelephonyException e) {
            throw new WebApplicationException(e.getMessage(), e, Response.Status.BAD_GATEWAY);
        }
    }

    /** Supervisors and admins call for any agent; an agent for themself only. */
    private String agentFor(String requested, SecurityContext caller) {
        boolean anyone = caller != null && (caller.isUserInRole("supervisor") || caller.isUserInRole("admin"));
        if (anyone) {
            if (requested == null || requested.isBlank()) {
                throw new InvalidContactException("agent", "is required");
            }
            return requested.strip();
        }
        String login = caller == null || caller.getUserPrincipal() == null ? null : caller.getUserPrincipal().getName();
        AgentStatus self = login == null ? null : agents.findByLogin(login).orElse(null);
        if (self == null) {
            throw new NotFoundException("agent with login", login);
        }
        if (requested != null && !requested.isBlank() && !requested.strip().equals(self.agent().id())) {
            throw new ForbiddenException("an agent places calls from their own phone only");
        }
        return self.agent().id();
    }
}
