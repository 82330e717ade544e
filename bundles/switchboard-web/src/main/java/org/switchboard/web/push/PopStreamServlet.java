package org.switchboard.web.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.service.Agents;
import org.switchboard.web.rest.RestResource;
import org.switchboard.web.security.Authentication;
import org.switchboard.web.security.Caller;

/**
 * {@code GET /switchboard/api/agents/me/pops}: the signed-in agent's screen pops and the changes of
 * their own presence and interactions. There is no way to name another agent: whoever signs in gets
 * their own stream, supervisors included. {@code Last-Event-ID} (or {@code ?lastEventId=} after a
 * page reload) replays what was missed.
 */
final class PopStreamServlet extends EventStreamServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = RestResource.BASE_PATH + "/agents/me/pops";

    private final transient Agents agents;
    private final transient AgentStreams streams;

    PopStreamServlet(Authentication authentication, SseConnection.Written written, ObjectMapper mapper, Agents agents,
                     AgentStreams streams) {
        super(authentication, written, mapper);
        this.agents = agents;
        this.streams = streams;
    }


    @Override
    String refusal(Caller caller) {
        if (!caller.roles().contains(RestResource.AGENT)) {
            return "this needs the role agent";
        }
        return agents.findByLogin(caller.login()).isEmpty() ? "the signed-in user is not configured as an agent" : null;
    }

    @Override
    void open(Caller caller, SseConnection connection, HttpServletRequest request) {
        Optional<AgentStatus> agent = agents.findByLogin(caller.login());
        if (agent.isEmpty()) {
            connection.close();
            return;
        }
        streams.open(agent.get().agent().id(), connection, lastEventId(request));
    }

    static Long lastEventId(HttpServletRequest request) {
        String raw = request.getHeader("Last-Event-ID");
        if (raw == null || raw.isBlank()) {
            raw = request.getParameter("lastEventId");
        }
        if (raw == null || raw.isBlank() || raw.length() > 19) {
            return null;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
