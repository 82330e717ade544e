package org.switchboard.web.errors;

import java.io.IOException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything else: 500 with a generic message, the details only in the log. Also what keeps CXF
 * 3.6 from leaving a failing request hanging. An I/O failure is most often the client that went
 * away mid-answer: a WARN line, no stack trace, and when Jetty says the client is gone, no body.
 */
public final class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

    /** What Jetty throws when the client has closed the connection. */
    private static final String CLIENT_GONE = "org.eclipse.jetty.io.EofException";

    @Override
    public Response toResponse(Throwable e) {
        if (CLIENT_GONE.equals(e.getClass().getName())) {
            // nobody to read an answer: a body would only fail again, and CXF logs that at ERROR
            LOG.warn("The client went away before the answer was written: {}", e.toString());
            return Response.status(500).build();
        }
        if (e instanceof IOException) {
            LOG.warn("Request failed on I/O (did the client go away?): {}", e.toString());
        } else {
            LOG.error("Request failed", e);
        }
        return Errors.response(500, "internal error; the server log has the details");
    }
}
