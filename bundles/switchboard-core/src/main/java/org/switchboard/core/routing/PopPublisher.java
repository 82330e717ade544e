package org.switchboard.core.routing;

import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
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
 * channel, their open tickets and the queue's script.
 */
public final class PopPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(PopPublisher.class);
    static final int HISTORY = 10;

    private final Database database;
    private final QueueRegistry queues;
    private final Events events;
    private final Clock clock;
    private final ExecutorService executor;

    public PopPublisher(Database database, QueueRegistry queues, Events events, Clock clock, ExecutorService executor) {
        this.database = database;
        this.queues = queues;
        this.events = events;
        this.clock = clock;
        this.executor = executor;
    }

    /** Builds and posts the pop for {@code agentId}; returns at once. */
    public void publish(String agentId, long interactionId, long originNanos) {
        try {
            executor.execute(() -> build(agentId, interactionId).ifPresent(pop -> post(pop, originNanos)));
        } catch (RejectedExecutionException e) {
            LOG.debug("Not popping interaction {}: shutting down", interactionId);
        }
    }

    Optional<ScreenPop> build(String agentId, long interactionId) {
        try {
            return database.read(c -> {
                Optional<Interaction> found = InteractionTable.find(c, interactionId);
                if (found.isEmpty()) {
                    return Optional.empty();
                }
                Interaction interaction = found.get();
                InboundContact contact = ContactTable.ofInteraction(c, interactionId);
                Customer customer = null;
                List<Interaction> history = List.of();
                List<TicketRef> open = List.of();
                if (interaction.customerId() != null) {
                    customer = CustomerTable.find(c, interaction.customerId()).orElse(null);
                    history = InteractionTable.history(c, interaction.customerId(), HISTORY + 1).stream()
                            .filter(i -> i.id() != interactionId).limit(HISTORY).toList();
                    open = TicketTable.ofCustomer(c, interaction.customerId(), true).stream().map(Ticket::ref).toList();
                }
                String script = queues.find(interaction.queueId()).map(Queue::script).orElse(null);
                return Optional.of(new ScreenPop(agentId, interaction, contact, customer, history, open, script, clock.instant()));
            });
        } catch (SQLException e) {
            LOG.warn("Could not build the screen pop of interaction {} for agent {}: {}", interactionId, agentId, e.getMessage());
            return Optional.empty();
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
