package org.switchboard.channel.email.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.InvalidContactException;
import org.switchboard.channel.email.rejected.RejectedMail;

/**
 * Mail the mailboxes set aside, for operators: {@code GET /email/rejected?limit=} (newest first, with
 * the reason) and {@code POST /email/rejected/{id}/replay} (parse it again and hand it to the core:
 * 200 with the contact, and it leaves the list; 409 with the reason when it is still refused, and it
 * stays; 404 for an unknown id).
 */
@Component(service = RejectedMailResource.class,
        property = {"switchboard.rest.resource=true", "switchboard.rest.openapi=" + AttachmentsResource.OPENAPI})
@Path("/email/rejected")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public final class RejectedMailResource {
    static final int MAX_LIMIT = 1000;

    private final RejectedMail rejected;

    @Activate
    public RejectedMailResource(@Reference RejectedMail rejected) {
        this.rejected = rejected;
    }

    /** {@code {"id","mailbox","messageId","reason","size","truncated","receivedAt"}}. */
    public record RejectedBody(long id, String mailbox, String messageId, String reason, long size, boolean truncated,
                               Instant receivedAt) {
    }

    /** {@code {"id","mailbox","messageId","duplicate","interactionId","contactId"}}. */
    public record ReplayedBody(long id, String mailbox, String messageId, boolean duplicate, long interactionId,
                               long contactId) {
    }

    @GET
    @Operation(summary = "Mail that could not become a contact, newest first, with the reason")
    public List<RejectedBody> listRejectedMail(@QueryParam("limit") @DefaultValue("50") int limit) throws SQLException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidContactException("limit", "must be within 1.." + MAX_LIMIT);
        }
        return rejected.list(limit).stream().map(r -> new RejectedBody(r.id(), r.mailbox(), r.sourceId(), r.error(),
                r.size(), r.truncated(), r.receivedAt())).toList();
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Parse a rejected message again and hand it to the core", responses = {
            @ApiResponse(responseCode = "200", description = "it is a contact now and left the list",
                    content = @Content(schema = @Schema(implementation = ReplayedBody.class))),
            @ApiResponse(responseCode = "404", description = "no rejected message has this id"),
            @ApiResponse(responseCode = "409", description = "still refused (the message says why); it stays listed")})
    public ReplayedBody replayRejectedMail(@PathParam("id") long id) throws SQLException {
        RejectedMail.Replayed done = rejected.replay(id);
        return new ReplayedBody(done.id(), done.mailbox(), done.sourceId(), done.duplicate(), done.interactionId(),
                done.contactId());
    }
}
