package org.switchboard.core;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
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
import org.switchboard.api.spi.InteractionEvents;
import org.switchboard.core.events.Events;
import org.switchboard.core.health.OutboxHealthCheck;
import org.switchboard.core.health.ProcessingHealthCheck;
import org.switchboard.core.health.StoreHealthCheck;
import org.switchboard.core.identity.AddressNormalizer;
import org.switchboard.core.identity.CrmDirectory;
import org.switchboard.core.identity.CrmLookup;
import org.switchboard.core.ingress.ContactWriter;
import org.switchboard.core.ingress.IngressService;
import org.switchboard.core.outbox.ChannelSenders;
import org.switchboard.core.outbox.OutboxDispatcher;
import org.switchboard.core.outbox.OutboxSettings;
import org.switchboard.core.pipeline.ContactProcessor;
import org.switchboard.core.pipeline.ProcessingSettings;
import org.switchboard.core.routing.PopPublisher;
import org.switchboard.core.routing.QueueRegistry;
import org.switchboard.core.routing.RoutingEngine;
import org.switchboard.core.service.AgentsService;
import org.switchboard.core.service.CustomersService;
import org.switchboard.core.service.HealthServiceImpl;
import org.switchboard.core.service.InteractionEventsService;
import org.switchboard.core.service.InteractionsService;
import org.switchboard.core.service.OutboxService;
import org.switchboard.core.service.QueuesService;
import org.switchboard.core.service.TicketsService;
import org.switchboard.core.store.Database;
import org.switchboard.core.store.H2Housekeeping;
import org.switchboard.jdbc.SchemaUpdate;

/**
 * The routing core, assembled from plain objects: the store, ingress, processing, routing and the
 * outbox, and the services they offer. {@link CoreRuntime} runs it in OSGi; tests and the
 * benchmark harness run it as it is.
 */
public final class Core implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Core.class);
    public static final String CHANGELOG = "org/switchboard/core/store/changelog.xml";
    /**
     * Everything the core can be told.
     *
     * @param defaultRegion     region for phone numbers without country code
     * @param processingEnabled whether stored contacts are processed (off: they wait)
     * @param processing        processing settings
     * @param outbox            outbox retry settings
     * @param offerTimeout      how long an agent may leave an offer unanswered
     * @param crmLookupBudget   how long identification waits for the CRMs
     * @param crmLookupTtl      how long CRM answers are remembered
     */
    public record Settings(String defaultRegion, boolean processingEnabled, ProcessingSettings processing,
                           OutboxSettings outbox, Duration offerTimeout, Duration crmLookupBudget, Duration crmLookupTtl) {

        /** The defaults of {@link CoreConfig}. */
        public static Settings defaults() {
            return new Settings("US", true, new ProcessingSettings(500, List.of("local"), ProcessingSettings.DEFAULT_TICKET_PATTERN),
                    new OutboxSettings(12, Duration.ofSeconds(2), Duration.ofMinutes(10), 4), Duration.ofSeconds(30),
                    Duration.ofMillis(300), Duration.ofMinutes(5));
        }
    }

    private final Database database;
    private final QueueRegistry queueRegistry = new QueueRegistry();
    private final CrmDirectory crms;
    private final HealthServiceImpl health;
    private final ExecutorService lookupExecutor;
    private final ExecutorService popExecutor;
    private final ContactWriter writer;
    private final ContactProcessor processor;
    private final OutboxDispatcher dispatcher;
    private final RoutingEngine routing;
    private final IngressService ingress;
    private final InteractionEventsService interactionEvents;
    private final InteractionsService interactions;
    private final CustomersService customers;
    private final TicketsService tickets;
    private final AgentsService agents;
    private final QueuesService queues;
    private final OutboxService outbox;
    private final Optional<H2Housekeeping> housekeeping;

    private Core(Database database, Clock clock, Events events, Settings settings, CrmDirectory crms, ChannelSenders senders,
                 HealthServiceImpl health) {
        this.database = database;
        this.crms = crms;
        this.health = health;
        AddressNormalizer normalizer = new AddressNormalizer(settings.defaultRegion());
        this.lookupExecutor = Executors.newFixedThreadPool(8, Threads.daemon("switchboard-crm-lookup"));
        this.popExecutor = Executors.newFixedThreadPool(2, Threads.daemon("switchboard-pop"));
        CrmLookup crmLookup = new CrmLookup(crms, lookupExecutor, clock, settings.crmLookupBudget(), settings.crmLookupTtl());
        this.dispatcher = new OutboxDispatcher(database, clock, crms, senders, events, settings.outbox(),
                settings.processing().ticketConnectors());
        PopPublisher pops = new PopPublisher(database, queueRegistry, events, clock, popExecutor);
        this.routing = new RoutingEngine(database, clock, events, queueRegistry, pops, settings.offerTimeout());
        this.processor = settings.processingEnabled()
                ? new ContactProcessor(database, clock, events, normalizer, crmLookup, crms, queueRegistry, settings.processing(),
                        routing, dispatcher::wake)
                : null;
        this.writer = new ContactWriter(database, clock, processor == null ? stored -> { } : processor::submit);
        this.ingress = new IngressService(normalizer, writer, events);
        this.interactionEvents = new InteractionEventsService(routing);
        this.interactions = new InteractionsService(database, routing, settings.processing().ticketConnectors(), clock,
                dispatcher::wake);
        this.customers = new CustomersService(database, normalizer);
        this.tickets = new TicketsService(database, clock, dispatcher);
        this.agents = new AgentsService(routing);
        this.queues = new QueuesService(routing);
        this.outbox = new OutboxService(database, clock, dispatcher);
        health.add(new StoreHealthCheck(database));
        health.add(new ProcessingHealthCheck(database, processor));
        health.add(new OutboxHealthCheck(outbox));
        this.housekeeping = H2Housekeeping.startIfEmbeddedH2(database.dataSource(), database.dialect(),
                H2Housekeeping.INTERVAL);
    }

    /**
     * Brings the schema up to date and starts the core.
     *
     * @param crms    the CRM connectors, which may come and go while it runs
     * @param senders the channels' senders of agents' replies, which may come and go too
     * @param health where the core's health checks go, beside others
     */
    public static Core start(DataSource dataSource, Clock clock, Events events, Settings settings, CrmDirectory crms,
                             ChannelSenders senders, HealthServiceImpl health) throws SQLException {
        SchemaUpdate.apply(dataSource, CHANGELOG, Core.class.getClassLoader(), "the core's tables");
        Core core = new Core(new Database(dataSource), clock, events, settings, crms, senders, health);
        core.routing.start();
        core.dispatcher.start();
        if (core.processor != null) {
            core.processor.start();
        } else {
            LOG.warn("Processing is switched off (processing.enabled=false): contacts are accepted and stored, not processed");
        }
        LOG.info("Switchboard core started on {}", core.database.dialect());
        return core;
    }

    public void configureQueues(List<Queue> configured) {
        queueRegistry.configure(configured);
        routing.queuesChanged();
    }

    public void configureAgents(List<Agent> configured) {
        routing.configureAgents(configured);
    }

    public Database database() {
        return database;
    }

    public ContactIngress ingress() {
        return ingress;
    }

    /** The ingress, for callers that know when the contact entered the JVM. */
    public IngressService ingressService() {
        return ingress;
    }

    public InteractionEvents interactionEvents() {
        return interactionEvents;
    }

    public Interactions interactions() {
        return interactions;
    }

    public Customers customers() {
        return customers;
    }

    public Tickets tickets() {
        return tickets;
    }

    public Agents agents() {
        return agents;
    }

    public Queues queues() {
        return queues;
    }

    public Outbox outbox() {
        return outbox;
    }

    public HealthService health() {
        return health;
    }

    public CrmDirectory crms() {
        return crms;
    }

    /** Stops taking contacts, finishes what is in hand, stops every thread. Stored work resumes on the next start. */
    @Override
    public void close() {
        writer.close();
        if (processor != null) {
            processor.close();
        }
        dispatcher.close();
        routing.close();
        Threads.stop(popExecutor, Duration.ofSeconds(5));
        Threads.stop(lookupExecutor, Duration.ofSeconds(5));
        housekeeping.ifPresent(H2Housekeeping::close);
        LOG.info("Switchboard core stopped");
    }

}
