package org.switchboard.core.service;

import java.util.List;
import java.util.Optional;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.Presence;
import org.switchboard.api.service.Agents;
import org.switchboard.core.routing.RoutingEngine;

/** {@link Agents}, as routing knows them. */
public final class AgentsService implements Agents {
    private final RoutingEngine routing;

    public AgentsService(RoutingEngine routing) {
        this.routing = routing;
    }

    @Override
    public List<AgentStatus> list() {
        return routing.agents();
    }

    @Override
    public Optional<AgentStatus> find(String agentId) {
        return routing.agent(agentId, false);
    }

    @Override
    public Optional<AgentStatus> findByLogin(String login) {
        return routing.agent(login, true);
    }

    @Override
    public AgentStatus setPresence(String agentId, Presence presence, String reason) {
        if (presence == null) {
            throw new IllegalArgumentException("presence is required: AVAILABLE, AWAY or OFFLINE");
        }
        return routing.setPresence(agentId, presence, reason);
    }
}
