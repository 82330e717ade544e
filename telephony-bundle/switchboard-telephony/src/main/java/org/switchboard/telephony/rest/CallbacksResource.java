package org.switchboard.telephony.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
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
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.NotFoundException;
import org.switchboard.telephony.callback.Callback;
import org.switchboard.telephony.callback.CallbackStore;
import org.switchboard.telephony.callback.PhoneNumbers;

/**
 * The callback worklist: {@code GET /callbacks?status=OPEN|CLOSED&limit=} (open ones oldest first),
 * {@code POST /callbacks} {@code {"number","name","preferredTime"}} (a customer asks to be called back;
 * dialled when an agent is free), {@code POST /callbacks/{id}/close} (done by hand).
 */
@Component(service = Object.class, property = "switchboard.rest.resource=true")
@Path("/callbacks")
@Produces(MediaType.APPLICATION_JSON)
public class CallbacksResource {
    static final int MAX_LIMIT = 1000;
    static final int MAX_NAME = 200;

    private final CallbackStore store;

    @Activate
    public CallbacksResource(@Reference CallbackStore store) {
        this.store = store;
    }

    @GET
    @RolesAllowed({"agent", "supervisor", "admin"})
    public List<Callback> list(@QueryParam("status") @DefaultValue("OPEN") String status,
                               @QueryParam("limit") @DefaultValue("100") int limit) {
        String s = status.strip().toUpperCase(Locale.ROOT);
        if (!s.equals(Callback.OPEN) && !s.equals(Callback.CLOSED) && !s.equals("ALL")) {
            throw new InvalidContactException("status", "must be OPEN, CLOSED or ALL");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidContactException("limit", "must be within 1.." + MAX_LIMIT);
        }
        return store.list(s.equals("ALL") ? null : s, limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"integration", "supervisor", "admin"})
    public Response request(CallbackRequest request) {
        if (request == null) {
            throw new BadRequestException("a JSON object {\"number\",\"name\",\"preferredTime\"} is expected");
        }
        String number = PhoneNumbers.dialable("number", request.number());
        String name = request.name() == null || request.name().isBlank() ? null : request.name().strip();
        if (name != null && name.length() > MAX_NAME) {
            throw new InvalidContactException("name", "is longer than " + MAX_NAME + " characters");
        }
        Instant preferred = null;
        if (request.preferredTime() != null && !request.preferredTime().isBlank()) {
            try {
                preferred = Instant.parse(request.preferredTime().strip());
            } catch (DateTimeParseException e) {
                throw new InvalidContactException("preferredTime", "must be an ISO-8601 time such as 2026-11-23T09:30:00Z");
            }
        }
        long id = store.request(number, name, preferred);
        return Response.accepted(new CallbackAnswer(id)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({"agent", "supervisor", "admin"})
    public Callback close(@PathParam("id") long id, @Context SecurityContext caller) {
        String by = caller == null || caller.getUserPrincipal() == null ? null : caller.getUserPrincipal().getName();
        return store.close(id, Callback.CALLED_BACK, by).orElseThrow(() -> new NotFoundException("callback", id));
    }
}
