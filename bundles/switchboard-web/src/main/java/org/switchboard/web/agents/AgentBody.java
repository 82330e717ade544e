package org.switchboard.web.agents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.switchboard.api.Agent;
import org.switchboard.api.AgentStatus;

/**
 * {@code {"id","name","login","extensions","skills","capacity","branch","presence","reason","since",
 * "idleSince","interactions":[…]}}; interactions are the ids of those offered to or handled by them.
 */
public record AgentBody(String id, String name, String login, List<String> extensions, List<String> skills,
                        Map<String, Integer> capacity, String branch, String presence, String reason, Instant since,
                        Instant idleSince, List<Long> interactions) {

    public static AgentBody of(AgentStatus status) {
        Agent agent = status.agent();
        return new AgentBody(agent.id(), agent.name(), agent.login(), agent.extensions(),
                agent.skills().stream().sorted().toList(), new TreeMap<>(agent.capacity()), agent.branch(),
                status.presence().name(), status.reason(), status.since(), status.idleSince(), status.interactions());
    }
}
