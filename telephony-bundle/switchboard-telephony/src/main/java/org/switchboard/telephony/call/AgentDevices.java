package org.switchboard.telephony.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.switchboard.api.Agent;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.service.Agents;

/**
 * Maps devices to agents from the agents the core has configured ({@code etc/org.switchboard.agent-<id>.cfg},
 * key {@code extensions}). An extension is written as the device that rings, {@code PJSIP/1001}, or as a
 * bare extension {@code 1001}, which means {@code <default technology>/1001} on this PBX. Agents whose
 * {@code branch} is set belong to the PBX of that id only; agents without a branch to every PBX.
 *
 * <p>The map is built from {@link Agents#list()} and built again when a device is not found (at most
 * once per {@link #REFRESH}), so an agent added in the configuration is found without a restart.
 * Device names compare without case ({@code pjsip/1001} is {@code PJSIP/1001}).
 */
public final class AgentDevices implements DeviceDirectory {
    /** The shortest time between two rebuilds of the map on an unknown device. */
    public static final Duration REFRESH = Duration.ofSeconds(1);

    private final String pbxId;
    private final String defaultTechnology;
    private final Agents agents;
    private final Clock clock;
    private volatile Map<String, String> byDevice = Map.of();
    private volatile Instant builtAt = Instant.MIN;

    public AgentDevices(String pbxId, String defaultTechnology, Agents agents, Clock clock) {
        this.pbxId = pbxId;
        this.defaultTechnology = defaultTechnology;
        this.agents = agents;
        this.clock = clock;
    }

    @Override
    public Optional<String> agentFor(String device) {
        String key = key(device);
        String agent = byDevice.get(key);
        if (agent == null && !clock.instant().isBefore(builtAt.plus(REFRESH))) {
            rebuild();
            agent = byDevice.get(key);
        }
        return Optional.ofNullable(agent);
    }

    /** The agent with this id, as the core has them now. */
    public Optional<Agent> agent(String agentId) {
        return agents.find(agentId).map(AgentStatus::agent);
    }

    /** The device that rings for an agent on this PBX (their first extension here), if any. */
    public Optional<String> deviceOf(Agent agent) {
        if (!servedHere(agent)) {
            return Optional.empty();
        }
        return agent.extensions().stream().map(this::device).findFirst();
    }

    /** Whether the agent belongs to this PBX and has an extension. */
    public boolean servedHere(Agent agent) {
        return (agent.branch() == null || agent.branch().equals(pbxId)) && !agent.extensions().isEmpty();
    }

    /** Builds the map again from the core's agents. */
    public synchronized void rebuild() {
        Map<String, String> map = new HashMap<>();
        for (AgentStatus status : agents.list()) {
            Agent agent = status.agent();
            if (servedHere(agent)) {
                for (String extension : agent.extensions()) {
                    map.putIfAbsent(key(device(extension)), agent.id());
                }
            }
        }
        byDevice = Map.copyOf(map);
        builtAt = clock.instant();
    }

    private String device(String extension) {
        String e = extension.strip();
        return e.indexOf('/') > 0 ? e : defaultTechnology + '/' + e;
    }

    private static String key(String device) {
        return device == null ? "" : device.strip().toUpperCase(Locale.ROOT);
    }
}
