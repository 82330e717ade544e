package org.switchboard.core.config;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.switchboard.api.Channel;
import org.switchboard.api.Queue;
import org.switchboard.api.ServiceLevel;

/** A configured queue, as a service the core collects. One per {@code org.switchboard.queue~<id>.cfg}. */
@Component(configurationPid = "org.switchboard.queue", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = QueueDefinition.class)
@Designate(ocd = QueueConfig.class, factory = true)
public final class QueueDefinition {
    private final Queue queue;

    @Activate
    public QueueDefinition(QueueConfig config, Map<String, Object> properties) {
        this.queue = toQueue(config, properties);
    }

    public Queue queue() {
        return queue;
    }

    static Queue toQueue(QueueConfig config, Map<String, Object> properties) {
        Set<Channel> channels = new LinkedHashSet<>();
        ConfigValues.list(config.channels()).forEach(c -> channels.add(new Channel(c)));
        String script = config.script() == null || config.script().isBlank() ? null : config.script().replace("\\n", "\n");
        return new Queue(ConfigValues.factoryId(config.id(), properties), config.name(), ConfigValues.list(config.entryPoints()),
                channels, new LinkedHashSet<>(ConfigValues.list(config.skills())), config.priority(),
                new ServiceLevel(config.serviceLevelPercent(), Duration.ofSeconds(config.serviceLevelSeconds())), script);
    }
}
