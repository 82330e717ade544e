package org.switchboard.web.limits;

import java.io.IOException;

/**
 * A request body longer than allowed. An {@link IOException}, so that it passes through Jackson
 * unwrapped when the limit is reached mid-parse.
 */
public final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long maxBytes) {
        super("the request body is larger than " + maxBytes + " bytes");
    }
}
