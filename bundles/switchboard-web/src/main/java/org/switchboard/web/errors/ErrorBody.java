package org.switchboard.web.errors;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every error the REST API answers: {@code {"error": "…", "field": "…"}}, the field only for a 400
 * on input.
 */
public record ErrorBody(String error, @JsonInclude(JsonInclude.Include.NON_NULL) String field) {

    public static ErrorBody of(String error) {
        return new ErrorBody(error, null);
    }
}
