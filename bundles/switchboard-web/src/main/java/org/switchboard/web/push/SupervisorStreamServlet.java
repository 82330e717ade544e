package org.switchboard.web.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import org.switchboard.web.rest.RestResource;
import org.switchboard.web.security.Authentication;
import org.switchboard.web.security.Caller;

/**
 * {@code GET /switchboard/api/supervisor/events}: for supervisors and admins, the queues and agents
 * ({@code event: snapshot}) when the stream opens and again after every change.
 */
final class SupervisorStreamServlet extends EventStreamServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = RestResource.BASE_PATH + "/supervisor/events";
    private static final Set<String> ROLES = Set.of(RestResource.SUPERVISOR, RestResource.ADMIN);

    private final transient SupervisorStreams streams;

    SupervisorStreamServlet(Authentication authentication, ObjectMapper mapper, SupervisorStreams streams) {
        super(authentication, (origin, received) -> { }, mapper);
        this.streams = streams;
    }


    @Override
    String refusal(Caller caller) {
        return caller.hasAnyRole(ROLES) ? null : "this needs one of the roles " + ROLES;
    }

    @Override
    void open(Caller caller, SseConnection connection, HttpServletRequest request) {
        streams.open(connection);
    }
}
