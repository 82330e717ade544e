package org.switchboard.web.interactions;

import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.Channel;
import org.switchboard.api.Interaction;
import org.switchboard.api.InteractionState;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.NotFoundException;
import org.switchboard.api.service.Agents;
import org.switchboard.api.service.InteractionDetails;
import org.switchboard.api.service.InteractionFilter;
import org.switchboard.api.service.Interactions;
import org.switchboard.api.service.OutboxCommand;
import org.switchboard.web.limits.BoundedBody;
import org.switchboard.web.rest.Params;
import org.switchboard.web.rest.RestResource;
import org.switchboard.web.security.SignedInAgent;
import org.switchboard.web.tickets.CommandAccepted;

/**
 * {@code /interactions}: read them; the signed-in agent accepts, declines, finishes, replies to and
 * closes the ones offered to or handled by them.
 */
@Component(service = InteractionsResource.class,
        property = {RestResource.PROPERTY + "=true", RestResource.OPENAPI + "=" + RestResource.WEB_OPENAPI})
@Path("/interactions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({RestResource.AGENT, RestResource.SUPERVISOR, RestResource.ADMIN})
@BoundedBody
public final class InteractionsResource {
    private final Interactions interactions;
    private final Agents agents;

    @Activate
    public InteractionsResource(@Reference Interactions interactions, @Reference Agents agents) {
        this.interactions = interactions;
        this.agents = agents;
    }

    /** Newest first; every parameter narrows the list. */
    @GET
    public List<InteractionBody> listInteractions(@QueryParam("state") String state, @QueryParam("queue") String queue,
                                      @QueryParam("agent") String agent, @QueryParam("channel") String channel,
                                      @QueryParam("customer") String customer, @QueryParam("limit") String limit) {
        InteractionFilter filter = new InteractionFilter(
                Params.optionalEnum("state", state, InteractionState.class),
                Params.optionalText(queue),
                Params.optionalText(agent),
                Params.optionalText(channel) == null ? null : Channel.of(channel.strip()),
                Params.optionalId("customer", customer),
                Params.limit(limit));
        return interactions.list(filter).stream().map(InteractionBody::of).toList();
    }

    @GET
    @Path("/{id}")
    public InteractionDetailsBody findInteraction(@PathParam("id") long id) {
        return interactions.find(id).map(InteractionDetailsBody::of)
                .orElseThrow(() -> new NotFoundException("interaction", id));
    }

    /** The signed-in agent takes the interaction offered to them. */
    @POST
    @Path("/{id}/accept")
    @RolesAllowed(RestResource.AGENT)
    public InteractionDetailsBody acceptInteraction(@PathParam("id") long id, @Context SecurityContext security) {
        return details(interactions.accept(id, SignedInAgent.of(security, agents).agent().id()));
    }

    /** The signed-in agent turns the offer down; it goes to the next agent. */
    @POST
    @Path("/{id}/decline")
    @RolesAllowed(RestResource.AGENT)
    public InteractionDetailsBody declineInteraction(@PathParam("id") long id, @Context SecurityContext security) {
        return details(interactions.decline(id, SignedInAgent.of(security, agents).agent().id()));
    }

    /** The customer part is over; the agent wraps up. */
    @POST
    @Path("/{id}/finish")
    @RolesAllowed(RestResource.AGENT)
    public InteractionDetailsBody finishInteraction(@PathParam("id") long id, @Context SecurityContext security) {
        return details(interactions.finish(id, SignedInAgent.of(security, agents).agent().id()));
    }

    /** Done, with the agent's disposition code. */
    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(RestResource.AGENT)
    public InteractionDetailsBody closeInteraction(@PathParam("id") long id, CloseRequest request,
                                        @Context SecurityContext security) {
        String disposition = request == null ? null : Params.optionalText(request.disposition());
        return details(interactions.close(id, SignedInAgent.of(security, agents).agent().id(), disposition));
    }

    /**
     * The signed-in agent answers the customer on the interaction's channel; the reply goes out
     * through the outbox. 202 with the command's id; 409 when the interaction is not theirs.
     */
    @POST
    @Path("/{id}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(RestResource.AGENT)
    public Response replyToInteraction(@PathParam("id") long id, ReplyRequest request,
                                       @Context SecurityContext security) {
        String body = request == null ? null : request.body();
        if (body == null || body.isBlank()) {
            throw new InvalidContactException("body", "is required");
        }
        OutboxCommand command = interactions.reply(id, SignedInAgent.of(security, agents).agent().id(), body);
        return Response.accepted(new CommandAccepted(command.id())).build();
    }

    private InteractionDetailsBody details(Interaction changed) {
        return InteractionDetailsBody.of(interactions.find(changed.id())
                .orElseGet(() -> new InteractionDetails(changed, null, null, null)));
    }
}
