package org.switchboard.web.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.servlet.AsyncContext;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.switchboard.web.errors.ErrorBody;
import org.switchboard.web.security.Authentication;
import org.switchboard.web.security.BasicAuthFilter;
import org.switchboard.web.security.Caller;

/**
 * An event stream ({@code text/event-stream}) on the HTTP whiteboard, beside the REST API's servlet
 * and under its path: asynchronous, so an open stream holds no thread; signed in like the API (HTTP
 * Basic or the session cookie), with the API's JSON errors.
 */
abstract class EventStreamServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Authentication authentication;
    private final transient SseConnection.Written written;
    private final transient ObjectMapper mapper;

    EventStreamServlet(Authentication authentication, SseConnection.Written written, ObjectMapper mapper) {
        this.authentication = authentication;
        this.written = written;
        this.mapper = mapper;
    }

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException,
            ServletException {
        if (!"GET".equals(request.getMethod())) {
            response.setHeader("Allow", "GET");
            error(response, 405, "an event stream is read with GET");
            return;
        }
        super.service(request, response);
    }

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Caller> caller = authentication.caller(request.getHeader("Authorization"), request.getHeader("Cookie"));
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", BasicAuthFilter.CHALLENGE);
            error(response, 401, "authentication required");
            return;
        }
        String refusal = refusal(caller.get());
        if (refusal != null) {
            error(response, 403, refusal);
            return;
        }
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        SseConnection connection = new SseConnection(async, written);
        open(caller.get(), connection, request);
    }

    /** Why this caller may not open the stream, or {@code null} when they may. */
    abstract String refusal(Caller caller);

    /** Hands the opened stream over; the first frame it gets must be {@link SseFrames#opening()}. */
    abstract void open(Caller caller, SseConnection connection, HttpServletRequest request);

    void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        byte[] body = mapper.writeValueAsString(ErrorBody.of(message)).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
