package org.switchboard.core.config;

import java.util.LinkedHashSet;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.switchboard.api.Agent;

/** A configured agent, as a service the core collects. One per {@code org.switchboard.agent~<id>.cfg}. */
@Component(configurationPid = "org.switchboard.agent", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = AgentDefinition.class)
@Designate(ocd = AgentConfig.class, factory = true)
public final class AgentDefinition {
    private final Agent agent;

    @Activate
    public AgentDefinition(AgentConfig config, Map<String, Object> properties) {
        this.agent = toAgent(config, properties);
    }

    public Agent agent() {
        return agent;
    }

    static Agent toAgent(AgentConfig config, Map<String, Object> properties) {
        return new Agent(ConfigValues.factoryId(config.id(), properties), config.name(), config.login(),
                ConfigValues.list(config.extensions()), new LinkedHashSet<>(ConfigValues.list(config.skills())),
                ConfigValues.counts("capacity", config.capacity()),
                config.branch() == null || config.branch().isBlank() ? null : config.branch());
    }
}
