package org.switchboard.api.service;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.Presence;

/** Agents as configured, with their presence and current work. */
@ProviderType
public interface Agents {

    List<AgentStatus> list();

    Optional<AgentStatus> find(String agentId);

    /** The agent who signs in with this login (JAAS user name). */
    Optional<AgentStatus> findByLogin(String login);

    /**
     * Sets the agent's presence; becoming available makes them eligible for waiting contacts at once.
     *
     * @param reason why they are away, shown to supervisors ({@code null} for {@link Presence#AWAY} reads
     *               "Away"); ignored for the other presences
     */
    AgentStatus setPresence(String agentId, Presence presence, String reason);
}
