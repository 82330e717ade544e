package org.switchboard.channel.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.stream.Collectors;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.Channel;
import org.switchboard.api.InboundContact;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.Receipt;
import org.switchboard.api.spi.ContactIngress;

/**
 * {@code POST /contacts}: another system hands in a contact. Answered 202 only once the core
 * stored it (a repeat of the same {@code channel} + {@code externalId} is answered 202 too, marked
 * duplicate), so the sender may retry anything else: 400 names the field to fix, 413 a body over
 * the limit, 503 a store that is down (retry after the {@code Retry-After} seconds).
 *
 * <p>Contributed to the REST API through the whiteboard; the web bundle checks the roles and turns
 * the exceptions into answers.
 */
@Component(service = ContactsResource.class, configurationPid = "org.switchboard.webhook",
        property = {"switchboard.rest.resource=true", "switchboard.rest.openapi=/OSGI-INF/openapi/webhook.json"})
@Designate(ocd = WebhookConfig.class)
@Path("/contacts")
@RolesAllowed({"integration", "admin"})
public final class ContactsResource {
    private static final Logger LOG = LoggerFactory.getLogger(ContactsResource.class);

    private final ContactIngress ingress;
    private final int maxBodyBytes;
    private final ContactMapper mapper;
    private final ObjectReader json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build()
            .readerFor(ContactRequest.class);

    @Activate
    public ContactsResource(@Reference ContactIngress ingress, WebhookConfig config) {
        this(ingress, config.maxBodyBytes(), Channel.of(config.defaultChannel()), Clock.systemUTC());
    }

    ContactsResource(ContactIngress ingress, int maxBodyBytes, Channel defaultChannel, Clock clock) {
        this.ingress = ingress;
        this.maxBodyBytes = maxBodyBytes;
        this.mapper = new ContactMapper(defaultChannel, clock);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hand a contact to Switchboard", responses = @ApiResponse(responseCode = "202",
            description = "stored (or stored before: duplicate is true)",
            content = @Content(schema = @Schema(implementation = ReceiptBody.class))))
    public Response acceptContact(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ContactRequest.class))) InputStream body,
            @Context HttpHeaders headers) throws IOException {
        InboundContact contact = mapper.toContact(parse(BoundedBody.read(body, headers.getLength(), maxBodyBytes)));
        Receipt receipt = ingress.accept(contact);
        LOG.debug("Contact {} of channel {} accepted as interaction {} (duplicate: {})", contact.externalId(),
                contact.channel(), receipt.interactionId(), receipt.duplicate());
        return Response.accepted(ReceiptBody.of(receipt)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private ContactRequest parse(byte[] body) throws IOException {
        if (body.length == 0) {
            throw new BadRequestException("the request body is empty; a JSON object is expected");
        }
        try {
            ContactRequest request = json.readValue(body);
            if (request == null) {
                throw new BadRequestException("a JSON object is expected");
            }
            return request;
        } catch (JsonMappingException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw new BadRequestException("the request body is not the JSON object expected");
            }
            throw new InvalidContactException(field, "has a wrong type or format");
        } catch (JsonProcessingException e) {
            throw new BadRequestException("the request body is not valid JSON");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
