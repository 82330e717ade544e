package org.switchboard.api;

import java.time.Instant;
import java.util.List;

/**
 * An agent as they are now.
 *
 * @param agent        the agent
 * @param presence     what they chose to be
 * @param reason       why they are away, or {@code null}
 * @param since        when they entered this presence
 * @param idleSince    when they last became free of work (longest idle is offered first), or {@code null}
 * @param interactions the ids of the interactions offered to or handled by them now
 */
public record AgentStatus(Agent agent, Presence presence, String reason, Instant since, Instant idleSince,
                          List<Long> interactions) {
    public AgentStatus {
        Checks.notNull("agent", agent);
        Checks.notNull("presence", presence);
        Checks.notNull("since", since);
        interactions = Checks.list(interactions);
    }
}
