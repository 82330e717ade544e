package org.switchboard.core.routing;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.switchboard.api.Agent;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.Channel;
import org.switchboard.api.Presence;
import org.switchboard.api.Queue;

/** One agent as routing sees them: presence and current load. Touched only on the routing thread. */
final class AgentState {
    Agent agent;
    Presence presence;
    String reason;
    Instant since;
    Instant idleSince;
    private final Map<String, Integer> load = new HashMap<>();
    private final Set<Long> interactions = new LinkedHashSet<>();

    AgentState(Agent agent, Presence presence, String reason, Instant since, Instant idleSince) {
        this.agent = agent;
        this.presence = presence;
        this.reason = reason;
        this.since = since;
        this.idleSince = idleSince;
    }

    boolean serves(Queue queue) {
        return agent.skills().containsAll(queue.skills());
    }

    boolean canTake(Channel channel) {
        return presence == Presence.AVAILABLE && load.getOrDefault(channel.id(), 0) < agent.capacityFor(channel);
    }

    void assign(long interactionId, Channel channel) {
        if (interactions.add(interactionId)) {
            load.merge(channel.id(), 1, Integer::sum);
        }
    }

    /** Frees the slot; the agent is idle from {@code now} when nothing is left. */
    void release(long interactionId, Channel channel, Instant now) {
        if (interactions.remove(interactionId)) {
            load.merge(channel.id(), -1, Integer::sum);
            if (interactions.isEmpty()) {
                idleSince = now;
            }
        }
    }

    int busy() {
        return interactions.size();
    }

    /** Least busy first, then the one idle the longest. */
    int compareForOffer(AgentState other) {
        int byLoad = Integer.compare(busy(), other.busy());
        if (byLoad != 0) {
            return byLoad;
        }
        Instant mine = idleSince == null ? Instant.EPOCH : idleSince;
        Instant theirs = other.idleSince == null ? Instant.EPOCH : other.idleSince;
        int byIdle = mine.compareTo(theirs);
        return byIdle != 0 ? byIdle : agent.id().compareTo(other.agent.id());
    }

    AgentStatus status() {
        return new AgentStatus(agent, presence, reason, since, idleSince, List.copyOf(interactions));
    }
}
