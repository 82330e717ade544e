package org.switchboard.core;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.Agent;
import org.switchboard.api.Queue;
import org.switchboard.api.service.Agents;
import org.switchboard.api.service.Customers;
import org.switchboard.api.service.HealthService;
import org.switchboard.api.service.Interactions;
import org.switchboard.api.service.Outbox;
import org.switchboard.api.service.Queues;
import org.switchboard.api.service.Tickets;
import org.switchboard.api.spi.ContactIngress;
import org.switchboard.api.spi.ChannelSender;
import org.switchboard.api.spi.CrmConnector;
import org.switchboard.api.spi.HealthCheck;
import org.switchboard.api.spi.InteractionEvents;
import org.switchboard.core.camel.SwitchboardComponent;
import org.switchboard.core.config.AgentDefinition;
import org.switchboard.core.config.ConfigValues;
import org.switchboard.core.config.QueueDefinition;
import org.switchboard.core.events.EventAdminEvents;
import org.switchboard.core.identity.AddressNormalizer;
import org.switchboard.core.identity.CrmDirectory;
import org.switchboard.core.outbox.ChannelSenders;
import org.switchboard.core.outbox.OutboxSettings;
import org.switchboard.core.pipeline.ProcessingSettings;
import org.switchboard.core.service.HealthServiceImpl;

/**
 * Runs the {@link Core} in OSGi: starts it on the {@code switchboard} DataSource with the
 * configuration of {@code etc/org.switchboard.core.cfg}, publishes its services, and feeds it the
 * CRM connectors, health checks, queues and agents as they come and go. If the database is not
 * reachable yet (PostgreSQL starting after Karaf), it keeps trying and publishes the services once
 * the core runs. A configuration change restarts the core; stored work resumes.
 */
@Component(immediate = true, configurationPid = "org.switchboard.core", service = {})
@Designate(ocd = CoreConfig.class)
public final class CoreRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(CoreRuntime.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final CrmDirectory crms = new CrmDirectory();
    private final ChannelSenders senders = new ChannelSenders();
    private final HealthServiceImpl health = new HealthServiceImpl();
    private final EventAdminEvents events = new EventAdminEvents();
    private final Map<QueueDefinition, Queue> queues = new ConcurrentHashMap<>();
    private final Map<AgentDefinition, Agent> agents = new ConcurrentHashMap<>();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread starter;
    private volatile Core core;

    @Activate
    public CoreRuntime(BundleContext context, CoreConfig config,
                       @Reference(target = "(dataSourceName=switchboard)") DataSource dataSource) {
        Core.Settings settings = settings(config);
        this.starter = new Thread(() -> startWhenPossible(context, dataSource, settings), "switchboard-core-start");
        this.starter.setDaemon(true);
        this.starter.start();
    }

    static Core.Settings settings(CoreConfig c) {
        Pattern ticketPattern;
        try {
            ticketPattern = Pattern.compile(c.threading_ticketPattern());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("threading.ticketPattern is not a regular expression: " + e.getMessage(), e);
        }
        new AddressNormalizer(c.phone_defaultRegion()); // refuses an unknown region with a message naming the key
        return new Core.Settings(c.phone_defaultRegion(), c.processing_enabled(),
                new ProcessingSettings(c.processing_batchSize(), ConfigValues.list(c.crm_ticketConnectors()), ticketPattern),
                new OutboxSettings(c.outbox_maxAttempts(), Duration.ofSeconds(c.outbox_firstBackoffSeconds()),
                        Duration.ofSeconds(c.outbox_maxBackoffSeconds()), c.outbox_workers()),
                Duration.ofSeconds(c.routing_offerTimeoutSeconds()), Duration.ofMillis(c.crm_lookupBudgetMillis()),
                Duration.ofSeconds(c.crm_lookupCacheSeconds()));
    }

    private void startWhenPossible(BundleContext context, DataSource dataSource, Core.Settings settings) {
        Duration wait = FIRST_RETRY;
        while (stopping.getCount() > 0) {
            try {
                Core started = Core.start(dataSource, Clock.systemUTC(), events, settings, crms, senders, health);
                synchronized (this) {
                    if (stopping.getCount() == 0) {
                        started.close();
                        return;
                    }
                    core = started;
                    started.configureQueues(List.copyOf(queues.values()));
                    started.configureAgents(List.copyOf(agents.values()));
                    register(context, started);
                }
                return;
            } catch (Exception e) {
                LOG.error("The Switchboard core cannot start: {}; retrying in {} s", e.getMessage(), wait.toSeconds(), e);
            }
            try {
                if (stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
        }
    }

    private void register(BundleContext context, Core started) {
        registrations.add(context.registerService(ContactIngress.class, started.ingress(), null));
        registrations.add(context.registerService(InteractionEvents.class, started.interactionEvents(), null));
        registrations.add(context.registerService(Interactions.class, started.interactions(), null));
        registrations.add(context.registerService(Customers.class, started.customers(), null));
        registrations.add(context.registerService(Tickets.class, started.tickets(), null));
        registrations.add(context.registerService(Agents.class, started.agents(), null));
        registrations.add(context.registerService(Queues.class, started.queues(), null));
        registrations.add(context.registerService(Outbox.class, started.outbox(), null));
        registrations.add(context.registerService(HealthService.class, started.health(), null));
        Dictionary<String, Object> camel = new Hashtable<>();
        camel.put(SwitchboardComponent.SERVICE_PROPERTY, SwitchboardComponent.SCHEME);
        camel.put(Constants.SERVICE_DESCRIPTION, "The switchboard: Camel component (switchboard:inbound?channel=...)");
        registrations.add(context.registerService(org.apache.camel.Component.class,
                new SwitchboardComponent(started.ingressService()), camel));
    }

    @Deactivate
    void deactivate() {
        stopping.countDown();
        try {
            starter.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            for (ServiceRegistration<?> r : registrations) {
                try {
                    r.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the framework is stopping the bundle
                }
            }
            registrations.clear();
            if (core != null) {
                core.close();
                core = null;
            }
        }
    }

    // ------------------------------------------------------------------ what comes and goes

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEventAdmin(EventAdmin admin) {
        events.bind(admin);
    }

    void unbindEventAdmin(EventAdmin admin) {
        events.unbind(admin);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCrmConnector(CrmConnector connector, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        crms.add(connector, ranking instanceof Integer r ? r : 0);
        LOG.info("CRM connector '{}' is available", connector.id());
    }

    void unbindCrmConnector(CrmConnector connector, Map<String, Object> properties) {
        crms.remove(connector);
        LOG.info("CRM connector '{}' went away; its commands wait for it", connector.id());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindChannelSender(ChannelSender sender, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object entryPoint = properties.get(ChannelSender.ENTRY_POINT_PROPERTY);
        senders.add(sender, entryPoint == null ? null : entryPoint.toString(), ranking instanceof Integer r ? r : 0);
        LOG.info("Replies on channel '{}' can go out{}", sender.channel().id(), entryPoint == null ? "" : " from " + entryPoint);
    }

    void unbindChannelSender(ChannelSender sender, Map<String, Object> properties) {
        senders.remove(sender);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindHealthCheck(HealthCheck check) {
        health.add(check);
    }

    void unbindHealthCheck(HealthCheck check) {
        health.remove(check);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindQueueDefinition(QueueDefinition definition) {
        queues.put(definition, definition.queue());
        queuesChanged();
    }

    void unbindQueueDefinition(QueueDefinition definition) {
        queues.remove(definition);
        queuesChanged();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAgentDefinition(AgentDefinition definition) {
        agents.put(definition, definition.agent());
        agentsChanged();
    }

    void unbindAgentDefinition(AgentDefinition definition) {
        agents.remove(definition);
        agentsChanged();
    }

    private synchronized void queuesChanged() {
        if (core != null) {
            core.configureQueues(List.copyOf(queues.values()));
        }
    }

    private synchronized void agentsChanged() {
        if (core != null) {
            core.configureAgents(List.copyOf(agents.values()));
        }
    }
}
