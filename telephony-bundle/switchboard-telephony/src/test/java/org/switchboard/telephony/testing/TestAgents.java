package org.switchboard.telephony.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.api.Agent;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.Presence;
import org.switchboard.api.service.Agents;

/**
 * The agents of the recorded PBX as the core would have them configured: agent-1001 with the
 * extension {@code PJSIP/1001}, agent-1002 with the bare extension {@code 1002}, and agent-9 on
 * another branch with {@code PJSIP/1009}.
 */
public final class TestAgents implements Agents {
    private final Map<String, AgentStatus> agents = new ConcurrentHashMap<>();

    public TestAgents() {
        add(new Agent("agent-1001", "Agent 1001", "anna", List.of("PJSIP/1001"), Set.of(), Map.of(), null));
        add(new Agent("agent-1002", "Agent 1002", "boris", List.of("1002"), Set.of(), Map.of(), "pbx1"));
        add(new Agent("agent-9", "Agent Nine", "nina", List.of("PJSIP/1009"), Set.of(), Map.of(), "other-branch"));
    }

    public void add(Agent agent) {
        agents.put(agent.id(), new AgentStatus(agent, Presence.AVAILABLE, null, Instant.EPOCH, Instant.EPOCH, List.of()));
    }

    @Override
    public List<AgentStatus> list() {
        return List.copyOf(agents.values());
    }

    @Override
    public Optional<AgentStatus> find(String agentId) {
        return Optional.ofNullable(agents.get(agentId));
    }

    @Override
    public Optional<AgentStatus> findByLogin(String login) {
        return agents.values().stream().filter(a -> a.agent().login().equals(login)).findFirst();
    }

    @Override
    public AgentStatus setPresence(String agentId, Presence presence, String reason) {
        AgentStatus now = agents.get(agentId);
        AgentStatus next = new AgentStatus(now.agent(), presence, reason, Instant.now(), now.idleSince(), now.interactions());
        agents.put(agentId, next);
        return next;
    }
}
