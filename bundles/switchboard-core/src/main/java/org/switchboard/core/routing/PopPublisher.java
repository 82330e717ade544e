package org.switchboard.core.routing;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.Customer;
import org.switchboard.api.InboundContact;
import org.switchboard.api.Interaction;
import org.switchboard.api.Queue;
import org.switchboard.api.ScreenPop;
import org.switchboard.api.TicketRef;
import org.switchboard.api.event.EventProperties;
import org.switchboard.api.event.Topics;
import org.switchboard.api.service.Ticket;
import org.switchboard.core.events.Events;
import org.switchboard.core.store.ContactTable;
import org.switchboard.core.store.CustomerTable;
import org.switchboard.core.store.Database;
import org.switchboard.core.store.InteractionTable;
import org.switchboard.core.store.TicketTable;

/**
 * Builds screen pops off the routing thread and posts them for the one agent they are for: the
 * interaction, its content, the customer with CRM links, their latest interactions on every
 * channel, their open tickets and the queue's script. Pops asked for while others are being built
 * are built together, in one read of the store.
 */
public final class PopPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(PopPublisher.class);
    static final int HISTORY = 10;
    private static final int MAX_BATCH = 200;

    private final Database database;
    private final QueueRegistry queues;
    private final Events events;
    private final Clock clock;
    private final ExecutorService executor;
    private final BlockingQueue<Request> pending = new LinkedBlockingQueue<>();

    public PopPublisher(Database database, QueueRegistry queues, Events events, Clock clock, ExecutorService executor) {
        this.database = database;
        this.queues = queues;
        this.events = events;
        this.clock = clock;
        this.executor = executor;
    }

    /** Builds and posts the pop for {@code agentId}; returns at once. */
    public void publish(String agentId, long interactionId, long originNanos) {
        pending.add(new Request(agentId, interactionId, originNanos));
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            pending.clear();
            LOG.debug("Not popping interaction {}: shutting down", interactionId);
        }
    }

    private record Request(String agentId, long interactionId, long originNanos) {
    }

    /** Builds every pop asked for meanwhile in one read of the store; a task that finds none left has nothing to do. */
    private void drain() {
        List<Request> batch = new ArrayList<>();
        pending.drainTo(batch, MAX_BATCH);
        if (batch.isEmpty()) {
            return;
        }
        List<Optional<ScreenPop>> built = build(batch);
        for (int i = 0; i < batch.size(); i++) {
            long originNanos = batch.get(i).originNanos();
            built.get(i).ifPresent(pop -> post(pop, originNanos));
        }
    }

    private List<Optional<ScreenPop>> build(List<Request> requests) {
        List<Long> ids = requests.stream().map(Request::interactionId).distinct().toList();
        try {
            return database.read(c -> {
                Map<Long, Interaction> interactions = InteractionTable.find(c, ids);
                Map<Long, InboundContact> contacts = ContactTable.ofInteractions(c, ids);
                List<Long> customerIds = interactions.values().stream().map(Interaction::customerId)
                        .filter(Objects::nonNull).distinct().toList();
                Map<Long, Customer> customers = CustomerTable.find(c, customerIds);
                Map<Long, List<Interaction>> histories = new HashMap<>();
                Map<Long, List<TicketRef>> openTickets = new HashMap<>();
                for (Long customerId : customerIds) {
                    histories.put(customerId, InteractionTable.history(c, customerId, HISTORY + 1));
                    openTickets.put(customerId, TicketTable.ofCustomer(c, customerId, true).stream().map(Ticket::ref).toList());
                }
                List<Optional<ScreenPop>> pops = new ArrayList<>(requests.size());
                for (Request r : requests) {
                    Interaction interaction = interactions.get(r.interactionId());
                    if (interaction == null) {
                        pops.add(Optional.empty());
                        continue;
                    }
                    Long customerId = interaction.customerId();
                    List<Interaction> history = customerId == null ? List.of() : histories.get(customerId).stream()
                            .filter(i -> i.id() != interaction.id()).limit(HISTORY).toList();
                    String script = queues.find(interaction.queueId()).map(Queue::script).orElse(null);
                    pops.add(Optional.of(new ScreenPop(r.agentId(), interaction, contacts.get(r.interactionId()),
                            customerId == null ? null : customers.get(customerId), history,
                            customerId == null ? List.of() : openTickets.get(customerId), script, clock.instant())));
                }
                return pops;
            });
        } catch (SQLException e) {
            LOG.warn("Could not build the screen pops of interaction(s) {}: {}", ids, e.getMessage());
            return requests.stream().map(r -> Optional.<ScreenPop>empty()).toList();
        }
    }

    private void post(ScreenPop pop, long originNanos) {
        Map<String, Object> props = new HashMap<>();
        props.put(EventProperties.AGENT_ID, pop.agentId());
        props.put(EventProperties.INTERACTION_ID, pop.interaction().id());
        props.put(EventProperties.POP, pop);
        props.put(EventProperties.TIMESTAMP, pop.createdAt().toEpochMilli());
        if (originNanos != 0) {
            props.put(EventProperties.ORIGIN_NANOS, originNanos);
        }
        events.post(Topics.SCREEN_POP, props);
    }
}
