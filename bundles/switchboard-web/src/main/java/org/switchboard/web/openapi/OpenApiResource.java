package org.switchboard.web.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.function.Supplier;
import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** {@code GET /openapi.json}: the OpenAPI 3 document of every resource the API serves now. */
@Path("/openapi.json")
@PermitAll
public final class OpenApiResource {
    private final Supplier<JsonNode> document;

    public OpenApiResource(Supplier<JsonNode> document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The OpenAPI 3 document of this API", responses = @ApiResponse(responseCode = "200",
            description = "the document", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = "object"))))
    public Response openApiDocument() {
        return Response.ok(document.get()).build();
    }
}
