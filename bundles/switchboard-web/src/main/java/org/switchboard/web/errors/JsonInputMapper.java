package org.switchboard.web.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.switchboard.api.InvalidContactException;

/**
 * A request body that is not the JSON expected: 400, naming the field where Jackson tells it. The
 * answer never repeats the input (Jackson's own messages quote it).
 */
public final class JsonInputMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        if (e.getCause() instanceof InvalidContactException invalid) {
            return new InvalidInputMapper().toResponse(invalid);
        }
        String field = e instanceof JsonMappingException mapping ? path(mapping) : null;
        if (field == null || field.isEmpty()) {
            return Errors.response(400, "the request body is not the JSON expected");
        }
        return Errors.response(400, new ErrorBody(field + " has a wrong type or format", field));
    }

    /** The dotted path of the failing field, e.g. {@code from.kind} or {@code references[2]}. */
    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
