package org.switchboard.channel.email.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.AttachmentRef;
import org.switchboard.api.InboundContact;
import org.switchboard.api.NotFoundException;
import org.switchboard.api.service.InteractionDetails;
import org.switchboard.api.service.Interactions;
import org.switchboard.channel.email.store.EmailStore;

/**
 * The files that came with an email: {@code GET /interactions/{id}/attachments} lists those of the
 * interaction's contact that the email channel stored (the original HTML part among them, as
 * {@code message.html}), {@code GET /interactions/{id}/attachments/{attachmentId}} gives one's bytes.
 * A download is always {@code Content-Disposition: attachment} with a safe file name and
 * {@code nosniff}, so that an HTML or SVG attachment is never rendered by the console's origin.
 */
@Component(service = AttachmentsResource.class,
        property = {"switchboard.rest.resource=true", "switchboard.rest.openapi=" + AttachmentsResource.OPENAPI})
@Path("/interactions")
@RolesAllowed({"agent", "supervisor", "admin"})
public final class AttachmentsResource {
    static final String OPENAPI = "/OSGI-INF/openapi/email.json";
    private static final int MAX_FILE_NAME = 200;
    /** Where the REST API is served (switchboard-web's base path). */
    private static final String API_PATH = "/switchboard/api";

    private final Interactions interactions;
    private final EmailStore store;

    @Activate
    public AttachmentsResource(@Reference Interactions interactions, @Reference EmailStore store) {
        this.interactions = interactions;
        this.store = store;
    }

    /** {@code {"id","name","type","size","url"}}; {@code url} is the file's path on this server. */
    public record AttachmentBody(String id, String name, String type, long size, String url) {
    }

    @GET
    @Path("/{id}/attachments")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The files that came with the interaction's email")
    public List<AttachmentBody> listAttachments(@PathParam("id") long id) throws SQLException {
        List<AttachmentBody> list = new ArrayList<>();
        for (AttachmentRef ref : attachmentsOf(id)) {
            store.attachmentInfo(ref.id()).ifPresent(a -> list.add(new AttachmentBody(a.id(), a.fileName(),
                    a.contentType(), a.size(), API_PATH + "/interactions/" + id + "/attachments/" + a.id())));
        }
        return list;
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "One file that came with the interaction's email, as an attachment to save",
            responses = @ApiResponse(responseCode = "200", description = "the file's bytes, with its type",
                    content = @Content(mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary"))))
    public Response downloadAttachment(@PathParam("id") long id, @PathParam("attachmentId") String attachmentId)
            throws SQLException {
        boolean ofThisInteraction = attachmentsOf(id).stream().anyMatch(a -> a.id().equals(attachmentId));
        EmailStore.StoredAttachment info = ofThisInteraction ? store.attachmentInfo(attachmentId).orElse(null) : null;
        byte[] content = info == null ? null : store.attachment(attachmentId).orElse(null);
        if (content == null) {
            throw new NotFoundException("attachment", attachmentId + " of interaction " + id);
        }
        return Response.ok(content, mediaType(info.contentType()))
                .header("Content-Disposition", disposition(info.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    private List<AttachmentRef> attachmentsOf(long id) {
        InteractionDetails details = interactions.find(id).orElseThrow(() -> new NotFoundException("interaction", id));
        InboundContact contact = details.contact();
        return contact == null ? List.of() : contact.attachments();
    }

    /** The stored type when it is a well-formed one, else {@code application/octet-stream}. */
    static MediaType mediaType(String contentType) {
        if (contentType != null) {
            try {
                MediaType type = MediaType.valueOf(contentType.strip());
                if (!type.isWildcardType() && !type.isWildcardSubtype()) {
                    return type;
                }
            } catch (IllegalArgumentException e) {
                // not a media type
            }
        }
        return MediaType.APPLICATION_OCTET_STREAM_TYPE;
    }

    /**
     * {@code attachment; filename="<ASCII>"; filename*=UTF-8''<encoded>} with a name that cannot leave
     * a directory or break the header: no path, no control characters, no quotes or backslashes.
     */
    static String disposition(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (!Character.isISOControl(c) && c != '"' && c != '\\' && c != ';' && Character.isDefined(c)) {
                safe.appendCodePoint(c);
            }
        });
        String cleaned = safe.toString().strip().replaceAll("^\\.+", "");
        if (cleaned.isEmpty()) {
            cleaned = "attachment";
        }
        if (cleaned.length() > MAX_FILE_NAME) {
            cleaned = cleaned.substring(0, MAX_FILE_NAME);
        }
        StringBuilder ascii = new StringBuilder();
        cleaned.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f ? (char) c : '_'));
        // RFC 5987: what URLEncoder leaves alone, but for '*'; a space is %20
        String encoded = URLEncoder.encode(cleaned, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
